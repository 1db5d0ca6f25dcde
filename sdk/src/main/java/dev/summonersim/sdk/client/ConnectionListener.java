package dev.summonersim.sdk.client;

import java.net.InetSocketAddress;

/** Connection state changes, called on the client's connection thread; exceptions are logged and ignored. */
public interface ConnectionListener {
    default void onConnected(InetSocketAddress local, InetSocketAddress remote) {
    }

    default void onDisconnected(String reason) {
    }
}
