package dev.summonersim.relay.policy;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class IpQuarantineTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void quarantinesTheIpForTheCooldownThenForgetsIt() throws Exception {
        IpQuarantine q = new IpQuarantine(Duration.ofSeconds(300), now::get);
        InetAddress local = InetAddress.getByAddress(new byte[] {10, 0, 0, 5});
        InetAddress other = InetAddress.getByAddress(new byte[] {10, 0, 0, 6});
        assertThat(q.add(local)).isTrue();
        assertThat(q.isQuarantined(local)).isTrue();
        assertThat(q.isQuarantined(other)).isFalse();
        now.addAndGet(Duration.ofSeconds(299).toNanos());
        assertThat(q.isQuarantined(local)).isTrue();
        assertThat(q.sweep()).isZero();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(q.isQuarantined(local)).isFalse();
        assertThat(q.sweep()).isEqualTo(1);
        assertThat(q.size()).isZero();
    }

    @Test
    void loopbackIsNeverQuarantined() throws Exception {
        IpQuarantine q = new IpQuarantine(Duration.ofSeconds(300), now::get);
        for (String loopback : new String[] {"127.0.0.1", "127.0.0.2", "::1"}) {
            InetAddress ip = InetAddress.getByName(loopback);
            assertThat(q.add(ip)).as(loopback).isFalse();
            assertThat(q.isQuarantined(ip)).as(loopback).isFalse();
        }
        assertThat(q.size()).isZero();
    }
}
