package dev.summonersim.llmstub.internal;

import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether the client closed its connection while the stub is pausing between events, so a cancelled stream
 * is noticed during a long TTFT or a stall, not only at the next write. It does a non-blocking one-byte read on the
 * socket: -1 or an error means gone. Jetty does not read a connection while its request is being handled, and an
 * HTTP/1.1 client sends nothing while it waits for the response, so the read normally finds no data.
 */
final class ClientConnection {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    private static final ClientConnection UNKNOWN = new ClientConnection(null);

    private SocketChannel channel;

    private ClientConnection(SocketChannel channel) {
        this.channel = channel;
    }

    static ClientConnection of(ServletRequest request) {
        try {
            EndPoint endPoint = Request.getBaseRequest(request).getHttpChannel().getEndPoint();
            if (endPoint instanceof SocketChannelEndPoint socketEndPoint
                    && !socketEndPoint.getChannel().isBlocking()) {
                return new ClientConnection(socketEndPoint.getChannel());
            }
        } catch (RuntimeException e) {
            LOG.debug("cannot watch the client connection: {}", e.toString());
        }
        return UNKNOWN;
    }

    boolean isGone() {
        if (channel == null) {
            return false;
        }
        try {
            ByteBuffer one = ByteBuffer.allocate(1);
            int n = channel.read(one);
            if (n > 0) {
                // A pipelined request: we cannot put the byte back, so stop watching rather than steal more.
                LOG.warn("client sent data while waiting for a response; no longer watching this connection");
                channel = null;
            }
            return n < 0;
        } catch (IOException e) {
            return true;
        }
    }
}
