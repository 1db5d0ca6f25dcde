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
        InetAddress local = InetAddress.getByName("127.0.0.1");
        InetAddress other = InetAddress.getByName("127.0.0.2");
        q.add(local);
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
}
