package dev.summonersim.relay.pipeline;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * The connection's life as the reference logs it: registers the peer for fan-out when it connects, ends the session on
 * EOF or on any error (bad line, invalid UTF-8, reset) through the {@link PeerCloser}, and unregisters it when closed.
 * Last in the pipeline, so it sees every decoder's exception.
 */
public final class SessionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SessionHandler.class);

    private final Peer peer;
    private final PeerRegistry registry;
    private final PeerCloser closer;
    private boolean registered;

    public SessionHandler(Peer peer, PeerRegistry registry, PeerCloser closer) {
        this.peer = peer;
        this.registry = registry;
        this.closer = closer;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        registry.add(peer);
        registered = true;
        log.info("{} connected.", peer.address());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (registered) {
            registry.remove(peer);
            log.info("{} connection closed.", peer.address());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            log.info("{} disconnected.", peer.address());
            closer.close(peer, null);
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable reason = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (reason instanceof LineTooLongException || reason instanceof InvalidUtf8Exception) {
            log.warn("{} sent a bad line; disconnecting: {}", peer.address(), reason.getMessage());
        } else if (reason instanceof IOException) {
            log.warn("{} error or abrupt disconnect: {}", peer.address(), reason.getMessage());
        } else {
            log.error("{} unexpected error; disconnecting", peer.address(), cause);
        }
        closer.close(peer, null);
    }
}
