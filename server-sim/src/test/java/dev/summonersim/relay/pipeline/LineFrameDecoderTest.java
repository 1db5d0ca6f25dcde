package dev.summonersim.relay.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineFrameDecoderTest {
    private static EmbeddedChannel rust(int max) {
        return new EmbeddedChannel(new LineFrameDecoder(true, false, max));
    }

    private static EmbeddedChannel python(int max) {
        return new EmbeddedChannel(new LineFrameDecoder(false, true, max));
    }

    private static void write(EmbeddedChannel ch, String s) {
        ch.writeInbound(Unpooled.copiedBuffer(s, StandardCharsets.UTF_8));
    }

    private static String read(EmbeddedChannel ch) {
        ByteBuf b = ch.readInbound();
        if (b == null) {
            return null;
        }
        try {
            return b.toString(StandardCharsets.UTF_8);
        } finally {
            b.release();
        }
    }

    @Test
    void rustStripsOneCrBeforeLfPythonKeepsIt() {
        EmbeddedChannel r = rust(100);
        write(r, "crlf\r\n\r\r\n");
        assertThat(read(r)).isEqualTo("crlf");
        assertThat(read(r)).isEqualTo("\r");
        EmbeddedChannel p = python(100);
        write(p, "crlf\r\n");
        assertThat(read(p)).isEqualTo("crlf\r");
    }

    @Test
    void emptyLinesAndLinesSplitAcrossReads() {
        EmbeddedChannel ch = rust(100);
        write(ch, "\npar");
        assertThat(read(ch)).isEmpty();
        assertThat(read(ch)).as("partial line held").isNull();
        write(ch, "tial\nnext");
        assertThat(read(ch)).isEqualTo("partial");
        assertThat(read(ch)).isNull();
    }

    @Test
    void finalUnterminatedLineIsEmittedOnCleanEofWithItsCr() {
        EmbeddedChannel ch = rust(100);
        write(ch, "a\ntail\r");
        assertThat(read(ch)).isEqualTo("a");
        ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        assertThat(read(ch)).isEqualTo("tail\r");
    }

    @Test
    void partialLineIsNotEmittedWhenTheConnectionBreaks() {
        EmbeddedChannel ch = rust(100);
        write(ch, "half a li");
        ch.close();
        assertThat(read(ch)).isNull();
    }

    @Test
    void pythonAcceptsTheCapAndFailsOneByteOver() {
        EmbeddedChannel ok = python(10);
        write(ok, "0123456789\n");
        assertThat(read(ok)).isEqualTo("0123456789");
        EmbeddedChannel over = python(10);
        assertThatThrownBy(() -> write(over, "0123456789A\n"))
                .isInstanceOf(LineTooLongException.class)
                .hasMessage("line length (11) exceeds the allowed maximum (10)");
    }

    @Test
    void pythonFailsAsSoonAsUnterminatedDataExceedsTheCap() {
        EmbeddedChannel ch = python(10);
        write(ch, "0123456789");
        assertThat(read(ch)).isNull();
        assertThatThrownBy(() -> write(ch, "A")).isInstanceOf(LineTooLongException.class);
        write(ch, "more\n");
        assertThat(read(ch)).as("nothing is decoded after the failure").isNull();
    }

    @Test
    void rustDropsTheOverLongLineAndKeepsGoing() {
        EmbeddedChannel ch = rust(10);
        write(ch, "0123456789\r\n");
        assertThat(read(ch)).as("CR is not content in the Rust flavour").isEqualTo("0123456789");
        write(ch, "0123456789AB");
        write(ch, "CDEF\nok\n");
        assertThat(read(ch)).isEqualTo("ok");
        write(ch, "0123456789A\nfine\n");
        assertThat(read(ch)).isEqualTo("fine");
        assertThat(ch.isActive()).isTrue();
    }
}
