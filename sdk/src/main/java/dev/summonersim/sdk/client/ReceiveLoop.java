package dev.summonersim.sdk.client;

import dev.summonersim.sdk.protocol.MessageDecoder;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import org.slf4j.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads one session's lines and hands each decoded message to every receive handler in turn. Unlike the reference
 * (quirks Q1, Q2, Q7, Q8), nothing a peer sends and nothing a handler throws ends the session: over-long lines,
 * invalid UTF-8 and handler exceptions are logged and skipped.
 */
final class ReceiveLoop {
    static final String EOF_REASON = "ServerDisconnected: EOF during read";

    private final Logger log;
    private final List<ReceiveHandler> handlers;
    private final int maxBytesPerLine;
    private final StopSignal stop;

    ReceiveLoop(Logger log, List<ReceiveHandler> handlers, int maxBytesPerLine, StopSignal stop) {
        this.log = log;
        this.handlers = List.copyOf(handlers);
        this.maxBytesPerLine = maxBytesPerLine;
        this.stop = stop;
    }

    /** Runs until the connection ends or the client stops; returns why the session ended. */
    String run(Connection connection) {
        BoundedLineReader reader = new BoundedLineReader(connection.input(), maxBytesPerLine,
                () -> log.warn("Incoming line exceeded {} bytes; dropping", maxBytesPerLine));
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            while (!stop.isSet()) {
                byte[] line = reader.readLine();
                if (line == null) {
                    return EOF_REASON;
                }
                String text;
                try {
                    text = utf8.decode(ByteBuffer.wrap(line)).toString();
                } catch (CharacterCodingException e) {
                    log.warn("Incoming line is not valid UTF-8 ({} bytes); dropping", line.length);
                    continue;
                }
                dispatch(text);
            }
            return "client closed";
        } catch (IOException e) {
            String reason = connection.closeReason();
            return reason != null ? reason : e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private void dispatch(String line) {
        ReceivedMessage message;
        try {
            message = MessageDecoder.decode(line);
        } catch (RuntimeException e) {
            log.error("Could not decode incoming line; dropping it", e);
            return;
        }
        for (int i = 0; i < handlers.size(); i++) {
            ReceiveHandler handler = handlers.get(i);
            try {
                handler.onMessage(message);
            } catch (InterruptedException e) {
                if (stop.isSet()) {
                    Thread.currentThread().interrupt();
                    return;
                }
                log.error("Receive handler #{} was interrupted; continuing with the next message", i + 1, e);
            } catch (Exception e) {
                log.error("Receive handler #{} raised an unexpected error; continuing with the next message",
                        i + 1, e);
            }
            if (!stop.isSet()) {
                Thread.interrupted(); // a handler's leftover interrupt must not break the next blocking call
            }
        }
    }
}
