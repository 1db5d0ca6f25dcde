package dev.summonersim.relay.policy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Refuses new connections from an IP for a cooldown after that IP was disconnected by the backpressure policy.
 * Keyed by IP, not IP and port as in the reference (Q9), so a reconnect from a new ephemeral port is still refused.
 * Loopback addresses are never quarantined: every local client shares 127.0.0.1 (or ::1), so one stalled local
 * receiver would otherwise lock every local client out for the whole cooldown.
 * Thread-safe: connections on every event loop consult it.
 */
public final class IpQuarantine {
    private final long cooldownNanos;
    private final LongSupplier nanoClock;
    private final Map<InetAddress, Long> since = new ConcurrentHashMap<>();

    public IpQuarantine(Duration cooldown, LongSupplier nanoClock) {
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown : " + cooldown + " (expected: >= 0)");
        }
        this.cooldownNanos = cooldown.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Starts the cooldown for {@code ip}; false (and nothing quarantined) for a loopback address. */
    public boolean add(InetAddress ip) {
        if (ip.isLoopbackAddress()) {
            return false;
        }
        since.put(ip, nanoClock.getAsLong());
        return true;
    }

    public Duration cooldown() {
        return Duration.ofNanos(cooldownNanos);
    }

    public boolean isQuarantined(InetAddress ip) {
        Long start = since.get(ip);
        return start != null && nanoClock.getAsLong() - start < cooldownNanos;
    }

    /** Forgets expired entries; returns how many were removed. */
    public int sweep() {
        long now = nanoClock.getAsLong();
        int before = since.size();
        since.values().removeIf(start -> now - start >= cooldownNanos);
        return before - since.size();
    }

    public int size() {
        return since.size();
    }
}
