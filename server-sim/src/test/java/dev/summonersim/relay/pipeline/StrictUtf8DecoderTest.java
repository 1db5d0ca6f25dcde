package dev.summonersim.relay.pipeline;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictUtf8DecoderTest {
    @Test
    void decodesAsciiAndMultiByteText() {
        EmbeddedChannel ch = new EmbeddedChannel(new StrictUtf8Decoder());
        ch.writeInbound(Unpooled.copiedBuffer("plain", StandardCharsets.UTF_8));
        ch.writeInbound(Unpooled.copiedBuffer("héllo 😀", StandardCharsets.UTF_8));
        assertThat((String) ch.readInbound()).isEqualTo("plain");
        assertThat((String) ch.readInbound()).isEqualTo("héllo 😀");
    }

    @Test
    void rejectsMalformedOverlongAndSurrogateBytes() {
        byte[][] bad = {
                {(byte) 0xff},
                {'a', (byte) 0xc3},                       // truncated
                {(byte) 0xc0, (byte) 0xaf},               // overlong '/'
                {(byte) 0xed, (byte) 0xa0, (byte) 0x80},  // encoded surrogate
        };
        for (byte[] b : bad) {
            EmbeddedChannel ch = new EmbeddedChannel(new StrictUtf8Decoder());
            assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(b)))
                    .isInstanceOf(InvalidUtf8Exception.class)
                    .hasMessageContaining("not valid UTF-8");
        }
    }
}
