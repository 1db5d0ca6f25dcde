package dev.summonersim.relay.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Utf8ValidatorTest {
    @Test
    void passesAsciiAndMultiByteTextUnchanged() {
        EmbeddedChannel ch = new EmbeddedChannel(new Utf8Validator());
        ch.writeInbound(Unpooled.copiedBuffer("plain", StandardCharsets.UTF_8));
        ch.writeInbound(Unpooled.copiedBuffer("héllo 😀", StandardCharsets.UTF_8));
        for (String expected : new String[]{"plain", "héllo 😀"}) {
            ByteBuf b = ch.readInbound();
            assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
            b.release();
        }
    }

    @Test
    void rejectsMalformedOverlongAndSurrogateBytesAndReleasesThem() {
        byte[][] bad = {
                {(byte) 0xff},
                {'a', (byte) 0xc3},                       // truncated
                {(byte) 0xc0, (byte) 0xaf},               // overlong '/'
                {(byte) 0xed, (byte) 0xa0, (byte) 0x80},  // encoded surrogate
                {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},  // above U+10FFFF
        };
        for (byte[] b : bad) {
            EmbeddedChannel ch = new EmbeddedChannel(new Utf8Validator());
            ByteBuf line = Unpooled.wrappedBuffer(b);
            assertThatThrownBy(() -> ch.writeInbound(line))
                    .isInstanceOf(InvalidUtf8Exception.class)
                    .hasMessageContaining("not valid UTF-8");
            assertThat(line.refCnt()).isZero();
        }
    }

    @Test
    void findsOneHighByteAtAnyPositionOfASlice() {
        // lengths and offsets that put the byte in the 8-byte blocks and in the tail of the scan
        for (int length = 1; length <= 19; length++) {
            for (int at = 0; at < length; at++) {
                ByteBuf whole = Unpooled.buffer(length + 6).writeBytes("pre".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < length; i++) {
                    whole.writeByte(i == at ? 0x80 : 'a');
                }
                whole.writeBytes("end".getBytes(StandardCharsets.US_ASCII));
                ByteBuf line = whole.slice(3, length);
                assertThat(Utf8Validator.isAscii(line)).as("length %d, byte at %d", length, at).isFalse();
                line.setByte(at, 'b');
                assertThat(Utf8Validator.isAscii(line)).as("length %d, all ASCII", length).isTrue();
                whole.release();
            }
        }
        assertThat(Utf8Validator.isAscii(Unpooled.EMPTY_BUFFER)).isTrue();
    }
}
