package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.relay.RustPolicies;
import dev.summonersim.relay.chaos.ChaosEngine;
import dev.summonersim.relay.chaos.ChaosSpec;
import dev.summonersim.relay.policy.BackpressurePolicy;
import dev.summonersim.relay.policy.FixedWindowRateLimiter;
import dev.summonersim.relay.policy.InactivityTracker;
import dev.summonersim.relay.policy.IpQuarantine;
import dev.summonersim.relay.record.FrameRecorder;
import dev.summonersim.sdk.protocol.RelayFlavour;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds one connection's pipeline, one handler per concern:
 * [quarantine gate] → line framer → UTF-8 validator → [inactivity] → [rate limit] → relay → session.
 * Bracketed handlers exist only in the Rust flavour and when configured. All handlers except the gate are per channel.
 */
public final class RelayServerInitializer extends ChannelInitializer<SocketChannel> {
    private static final Utf8Validator UTF8 = new Utf8Validator();
    private final RelayServerConfig config;
    private final ChaosSpec chaos;
    private final PeerRegistry registry;
    private final PeerCloser closer;
    private final Broadcaster broadcaster;
    private final QuarantineGate quarantineGate;
    private final FrameRecorder recorder;
    private final ChannelGroup allChannels;
    private final LoggedContent loggedContent;
    private final BackpressurePolicy policy;
    private final RelayCounters counters;
    private final AtomicLong connections = new AtomicLong();

    /** @param chaos deliberate faults; null or inactive = none */
    public RelayServerInitializer(RelayServerConfig config, ChaosSpec chaos, PeerRegistry registry, PeerCloser closer,
                                  Broadcaster broadcaster, BackpressurePolicy policy, IpQuarantine quarantine,
                                  FrameRecorder recorder, ChannelGroup allChannels, RelayCounters counters) {
        this.config = config;
        this.chaos = chaos == null || !chaos.isActive() ? null : chaos;
        this.registry = registry;
        this.closer = closer;
        this.broadcaster = broadcaster;
        this.quarantineGate = quarantine == null ? null : new QuarantineGate(quarantine);
        this.recorder = recorder;
        this.allChannels = allChannels;
        this.loggedContent = new LoggedContent(config.logger().logKeys());
        this.policy = policy;
        this.counters = counters;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        allChannels.add(ch);
        Peer peer = new Peer(ch, policy, counters);
        boolean rust = config.flavour() == RelayFlavour.RUST;
        RustPolicies policies = config.rust();
        ChannelPipeline p = ch.pipeline();
        if (quarantineGate != null) {
            p.addLast("quarantine", quarantineGate);
        }
        p.addLast("framer", new LineFrameDecoder(rust, !rust, config.maxLineBytes()));
        p.addLast("utf8", UTF8);
        if (rust && policies.clientTimeout() != null) {
            p.addLast("inactivity", new InactivityHandler(
                    new InactivityTracker(policies.clientTimeout(), System::nanoTime),
                    policies.timeoutCheckInterval(), peer, closer));
        }
        if (rust && policies.rateLimitPerWindow() != null) {
            p.addLast("rateLimit", new RateLimitHandler(
                    new FixedWindowRateLimiter(policies.rateLimitPerWindow(), policies.rateLimitWindow(), System::nanoTime),
                    peer, closer, config.maxOutboundQueueBytes()));
        }
        ChaosRelay chaosRelay = chaos == null ? null
                : new ChaosRelay(new ChaosEngine(chaos, connections.incrementAndGet()), broadcaster, peer,
                        ch.eventLoop());
        p.addLast("relay", new RelayHandler(peer, config.flavour(), config.maxFrameBytes(), broadcaster, registry,
                recorder, chaosRelay, loggedContent, counters, config.maxOutboundQueueBytes()));
        p.addLast("session", new SessionHandler(peer, registry, closer));
    }
}
