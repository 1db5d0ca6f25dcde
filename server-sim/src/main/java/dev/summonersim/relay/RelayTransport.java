package dev.summonersim.relay;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.util.concurrent.ThreadFactory;

/**
 * The socket transport the relay's event loops use. Native epoll costs less per read, write and wake-up than NIO
 * (no selector key sets, no NIO buffer views per write); NIO works everywhere and is the fallback when the native
 * library cannot be loaded (another OS or architecture). Both behave the same on the wire.
 */
public enum RelayTransport {
    EPOLL,
    NIO;

    /** Epoll when its native library loads here, else NIO. */
    public static RelayTransport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    EventLoopGroup newGroup(int threads, ThreadFactory threadFactory) {
        return this == EPOLL ? new EpollEventLoopGroup(threads, threadFactory)
                : new NioEventLoopGroup(threads, threadFactory);
    }

    Class<? extends ServerChannel> serverChannel() {
        return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
