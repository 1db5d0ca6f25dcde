package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.policy.IpQuarantine;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/** Rust flavour: closes, without any text (as the reference), connections from a quarantined IP (Q9). */
@ChannelHandler.Sharable
public final class QuarantineGate extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(QuarantineGate.class);
    private final IpQuarantine quarantine;

    public QuarantineGate(IpQuarantine quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
        if (quarantine.isQuarantined(remote.getAddress())) {
            log.warn("Refusing connection from quarantined {}", remote);
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
    }
}
