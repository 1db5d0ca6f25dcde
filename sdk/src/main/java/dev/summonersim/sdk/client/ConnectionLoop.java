package dev.summonersim.sdk.client;

import dev.summonersim.sdk.config.ReconnectionSettings;
import dev.summonersim.sdk.logging.AgentLogging;
import org.slf4j.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Connects, runs sessions and reconnects as the reference's {@code run_client} does (protocol.md §3.4): a Primary stage
 * with {@code primary_retry_limit} failures, then a Default stage at the fallback server with
 * {@code default_retry_limit}, then exit. Every failed attempt and every lost connection counts, is logged as
 * {@code [<error>] (<stage>) retry n of limit; sleeping d s} and is followed by {@code retry_delay}.
 * Deliberate deviation (quirk Q10): the count restarts after each successful connection, so only consecutive
 * failures end the client, not disconnects spread over its lifetime.
 */
final class ConnectionLoop {
    static final int EXIT_CLEAN = 0;
    static final int EXIT_RETRIES_EXHAUSTED = 1;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Logger log;
    private final ServerTarget primary;
    private final ServerTarget fallback;
    private final ReconnectionSettings settings;
    private final ReceiveLoop receiver;
    private final ConnectionSlot slot;
    private final StopSignal stop;
    private final ConnectionListener listener;
    private volatile Socket connecting;

    ConnectionLoop(Logger log, ServerTarget primary, ServerTarget fallback, ReconnectionSettings settings,
                   ReceiveLoop receiver, ConnectionSlot slot, StopSignal stop, ConnectionListener listener) {
        this.log = log;
        this.primary = primary;
        this.fallback = fallback;
        this.settings = settings;
        this.receiver = receiver;
        this.slot = slot;
        this.stop = stop;
        this.listener = listener;
    }

    /** Runs until stopped or out of retries; returns the exit code. */
    int run() {
        boolean inFallback = false;
        ServerTarget target = primary;
        Integer limit = settings.primaryRetryLimit();
        int attempts = 0;
        while (!stop.isSet()) {
            String failure;
            try {
                Connection connection = connect(target);
                attempts = 0;
                failure = session(target, connection);
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (stop.isSet()) {
                break;
            }
            attempts++;
            log.warn("[{}] ({}) retry {} of {}; sleeping {}s", failure, inFallback ? "Default" : "Primary", attempts,
                    limit == null ? "unlimited" : limit, seconds(settings.retryDelay()));
            if (!stop.sleep(settings.retryDelay())) {
                break;
            }
            if (limit != null && attempts >= limit) {
                if (inFallback) {
                    log.error("Default retry limit reached ({})", limit);
                    log.error(AgentLogging.CRITICAL, "Cannot connect to fallback {} after {} attempts; exiting",
                            target, attempts);
                    return EXIT_RETRIES_EXHAUSTED;
                }
                // Texts and levels as the reference client's: users grep for them (protocol.md §3.5).
                log.error("Primary retry limit reached ({})", limit);
                log.warn("Falling back to default server at {}", fallback);
                inFallback = true;
                target = fallback;
                limit = settings.defaultRetryLimit();
                attempts = 0;
            }
        }
        return EXIT_CLEAN;
    }

    private Connection connect(ServerTarget target) throws IOException {
        Socket socket = new Socket();
        connecting = socket;
        try {
            if (stop.isSet()) {
                throw new IOException("client closed");
            }
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MILLIS);
            return new Connection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        } finally {
            connecting = null;
        }
    }

    private String session(ServerTarget target, Connection connection) {
        log.info("Connected to server @(host={}, port={})", target.host(), target.port());
        slot.publish(connection);
        String reason;
        try {
            notifyConnected(connection);
            reason = receiver.run(connection);
        } finally {
            slot.clear(connection);
            connection.close("session ended");
        }
        if (ReceiveLoop.EOF_REASON.equals(reason)) {
            log.info("Graceful disconnect from server: {}", reason.substring(reason.indexOf(": ") + 2));
        } else if (!stop.isSet()) {
            log.info("Connection lost: {}", reason);
        }
        log.info("Disconnected from server.");
        try {
            listener.onDisconnected(reason);
        } catch (RuntimeException e) {
            log.error("Connection listener failed in onDisconnected", e);
        }
        return reason;
    }

    private void notifyConnected(Connection connection) {
        try {
            listener.onConnected(connection.localAddress(), connection.remoteAddress());
        } catch (RuntimeException e) {
            log.error("Connection listener failed in onConnected", e);
        }
    }

    /** Unblocks a connect() in progress; called by close(). */
    void abortConnect() {
        Socket socket = connecting;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // it is being abandoned anyway
            }
        }
    }

    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }
}
