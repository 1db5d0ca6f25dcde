package dev.summonersim.relay;

import dev.summonersim.relay.pipeline.Broadcaster;
import dev.summonersim.relay.pipeline.Peer;
import dev.summonersim.relay.pipeline.PeerCloser;
import dev.summonersim.relay.pipeline.PeerRegistry;
import dev.summonersim.relay.pipeline.RelayCounters;
import dev.summonersim.relay.pipeline.RelayServerInitializer;
import dev.summonersim.relay.policy.BackpressurePolicy;
import dev.summonersim.relay.policy.IpQuarantine;
import dev.summonersim.relay.record.FrameRecorder;
import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running relay: every line a client sends goes to every other connected client, in the configured flavour's frame.
 * {@link #start(RelayServerConfig)} binds and returns at once; {@link #close()} stops accepting, delivers and flushes
 * the shutdown notice to every client (bounded by {@link RelayRunOptions#shutdownGrace()}), then closes everything.
 *
 * <pre>{@code
 * try (RelayServer relay = RelayServer.start(RelayServerConfig.forTesting())) {
 *     connect clients to 127.0.0.1:relay.port() ...
 * }
 * }</pre>
 */
public final class RelayServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RelayServer.class);

    private final RelayServerConfig config;
    private final Duration shutdownGrace;
    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final PeerRegistry registry;
    private final PeerCloser closer;
    private final ChannelGroup allChannels;
    private final FrameRecorder recorder;
    private final RelayCounters counters;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RelayServer(RelayServerConfig config, Duration shutdownGrace, EventLoopGroup group, Channel serverChannel,
                        PeerRegistry registry, PeerCloser closer, ChannelGroup allChannels, FrameRecorder recorder,
                        RelayCounters counters) {
        this.config = config;
        this.shutdownGrace = shutdownGrace;
        this.group = group;
        this.serverChannel = serverChannel;
        this.registry = registry;
        this.closer = closer;
        this.allChannels = allChannels;
        this.recorder = recorder;
        this.counters = counters;
    }

    /** {@link #start(RelayServerConfig, RelayRunOptions)} with no record, no chaos and the default shutdown grace. */
    public static RelayServer start(RelayServerConfig config) {
        return start(config, RelayRunOptions.defaults());
    }

    /**
     * Binds {@code config.host():config.port()} and starts relaying.
     *
     * @throws UncheckedIOException when the address cannot be bound or the record file cannot be created
     */
    public static RelayServer start(RelayServerConfig config, RelayRunOptions run) {
        return start(config, run, RelayTransport.best());
    }

    /** As {@link #start(RelayServerConfig, RelayRunOptions)}, on the given transport (tests cover the NIO fallback). */
    public static RelayServer start(RelayServerConfig config, RelayRunOptions run, RelayTransport transport) {
        PeerRegistry registry = new PeerRegistry();
        PeerCloser closer = new PeerCloser(config.flavour(), registry, run.shutdownGrace());
        boolean rust = config.flavour() == RelayFlavour.RUST;
        RustPolicies rustPolicies = config.rust();
        IpQuarantine quarantine = rust ? new IpQuarantine(rustPolicies.quarantineCooldown(), System::nanoTime) : null;
        BackpressurePolicy policy = rust
                ? new BackpressurePolicy(rustPolicies.backpressure(), config.maxOutboundQueueBytes(),
                        rustPolicies.throttleDelay(), rustPolicies.disconnectStall())
                : BackpressurePolicy.byteCapOnly(config.maxOutboundQueueBytes());
        RelayCounters counters = new RelayCounters();
        Broadcaster broadcaster = new Broadcaster(registry, policy, closer, quarantine, rustPolicies.throttleDelay(),
                rustPolicies.flowControlDelay(), counters);
        FrameRecorder recorder = null;
        if (run.recordFile() != null) {
            try {
                recorder = new FrameRecorder(run.recordFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create record file " + run.recordFile(), e);
            }
        }
        EventLoopGroup group = transport.newGroup(config.workerThreads(), new DefaultThreadFactory("relay-io"));
        ChannelGroup allChannels = new DefaultChannelGroup("relay-clients", GlobalEventExecutor.INSTANCE);
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    // backlog is bounded by BackpressurePolicy, not by writability events
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(Integer.MAX_VALUE / 2, Integer.MAX_VALUE))
                    .childHandler(new RelayServerInitializer(config, run.chaos(), registry, closer, broadcaster,
                            policy, quarantine, recorder, allChannels, counters));
            ChannelFuture bound = bootstrap.bind(config.host(), config.port()).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw new UncheckedIOException(new IOException("cannot listen on " + config.host() + ":"
                        + config.port() + ": " + bound.cause().getMessage(), bound.cause()));
            }
            if (quarantine != null) {
                long every = rustPolicies.quarantineCleanupInterval().toMillis();
                group.scheduleAtFixedRate(quarantine::sweep, every, every, TimeUnit.MILLISECONDS);
            }
            RelayServer server = new RelayServer(config, run.shutdownGrace(), group, bound.channel(), registry,
                    closer, allChannels, recorder, counters);
            log.info("Relay server ({} flavour) listening on {}.", config.flavour().name().toLowerCase(Locale.ROOT),
                    server.addressText());
            log.debug("Transport: {}", transport);
            return server;
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            if (recorder != null) {
                recorder.close();
            }
            throw e;
        }
    }

    /** The bound port (the real one when the config asked for port 0). */
    public int port() {
        return address().getPort();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** {@code host:port} as bound, with IPv6 hosts in brackets. */
    public String addressText() {
        return RelayFrameCodec.formatAddress(address());
    }

    public RelayServerConfig config() {
        return config;
    }

    /** Clients currently registered for fan-out (connected and not being closed). */
    public int connectedClients() {
        return registry.size();
    }

    /** What the backpressure policy and the frame cap did so far. */
    public RelayStats stats() {
        return counters.snapshot();
    }

    /** Every registered client as the backpressure policy sees it now. */
    public List<ReceiverStats> receivers() {
        List<ReceiverStats> result = new ArrayList<>();
        for (Peer peer : registry.snapshot()) {
            result.add(peer.stats());
        }
        return result;
    }

    public boolean isRunning() {
        return !closed.get();
    }

    /**
     * Returns when the relay accepts connections. It does from the moment {@link #start} returns, so this only
     * checks that it has not been closed since; it exists so that every component is awaited the same way.
     *
     * @throws IllegalStateException when the relay has been closed
     */
    public void awaitReady(Duration timeout) {
        if (!isRunning() || !serverChannel.isActive()) {
            throw new IllegalStateException("relay server is closed (close() was called)");
        }
    }

    /**
     * Stops accepting, writes the flavour's notice to every client (Rust: "Warning: Server is shutting down.\n",
     * Python: "Warning: Server disconnected."), waits up to {@code shutdownGrace} for the notices to be flushed, then
     * closes all connections and the event loops. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        log.info("Server is shutting down...");
        serverChannel.close().awaitUninterruptibly();
        long graceMs = shutdownGrace.toMillis();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMs);
        List<ChannelFuture> notices = new ArrayList<>();
        for (Peer peer : registry.snapshot()) {
            notices.add(closer.close(peer, ServerNotices.SHUTTING_DOWN));
        }
        for (ChannelFuture notice : notices) {
            notice.awaitUninterruptibly(remainingMs(deadline));
        }
        allChannels.close().awaitUninterruptibly(Math.max(remainingMs(deadline), 200));
        group.shutdownGracefully(0, graceMs, TimeUnit.MILLISECONDS).awaitUninterruptibly(graceMs + 1000);
        if (recorder != null) {
            recorder.close();
        }
        log.info("Server exited cleanly.");
    }

    private static long remainingMs(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }
}
