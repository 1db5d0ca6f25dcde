package dev.summonersim.relay.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import dev.summonersim.sdk.vectors.TestVectors;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The hot-path frame writer must match the sdk's reference codec byte for byte. */
class RelayFrameWriterTest {
    private static String write(RelayFlavour flavour, String addr, String content) {
        ByteBuf in = Unpooled.copiedBuffer(content, StandardCharsets.UTF_8);
        ByteBuf out = new RelayFrameWriter(flavour, addr).write(ByteBufAllocator.DEFAULT, in);
        try {
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            out.release();
            in.release();
        }
    }

    @Test
    void matchesTheSpecVectors() {
        for (JsonNode v : TestVectors.load().section("relay").toList()) {
            String inbound = v.get("inbound_line").asText();
            for (RelayFlavour f : RelayFlavour.values()) {
                String content = RelayFrameCodec.contentOf(f, inbound);
                String expected = v.get(f == RelayFlavour.PYTHON ? "python_server_out" : "rust_server_out").asText();
                assertThat(write(f, v.get("sender_addr").asText(), content))
                        .as("%s %s", v.get("id").asText(), f).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RelayFlavour.class)
    void matchesTheSdkCodecOnRandomText(RelayFlavour flavour) {
        SplittableRandom random = new SplittableRandom(20261125);
        int[] pool = {0, 1, 8, 9, 10, 12, 13, 0x1f, ' ', '"', '\\', '/', 'a', 'Z', '{', '}', 0x7f, 0x80, 0xe9, 0x7ff,
                0x800, 0x20ac, 0xd7ff, 0xe000, 0xfeff, 0xfffd, 0xffff, 0x10000, 0x1f600, 0x10ffff};
        for (int n = 0; n < 5000; n++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) {
                int cp = random.nextInt(3) == 0 ? pool[random.nextInt(pool.length)] : 0x20 + random.nextInt(0x5f);
                s.appendCodePoint(cp);
            }
            String content = s.toString();
            assertThat(write(flavour, "[::1]:8888", content))
                    .as("content %s", content.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(RelayFrameCodec.encode(flavour, "[::1]:8888", content));
        }
    }

    @Test
    void longLinesAndEscapeHeavyLinesGrowTheBuffer() {
        String quotes = "\"".repeat(10_000) + "\u0001".repeat(1000) + "😀".repeat(1000);
        for (RelayFlavour f : RelayFlavour.values()) {
            assertThat(write(f, "127.0.0.1:1", quotes)).isEqualTo(RelayFrameCodec.encode(f, "127.0.0.1:1", quotes));
        }
    }
}
