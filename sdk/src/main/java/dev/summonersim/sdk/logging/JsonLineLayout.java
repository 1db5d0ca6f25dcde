package dev.summonersim.sdk.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One JSON object per event: {@code {"timestamp", "name", "level", "message"}}, as the reference's JSON log. */
final class JsonLineLayout extends LayoutBase<ILoggingEvent> {
    private static final JsonFactory JSON = new JsonFactory();

    private final DateTimeFormatter dates;

    JsonLineLayout(DateTimeFormatter dates) {
        this.dates = dates.withZone(ZoneId.systemDefault());
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", dates.format(event.getInstant()));
            g.writeStringField("name", event.getLoggerName());
            g.writeStringField("level", PythonLevelName.of(event));
            g.writeStringField("message", message(event));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    private static String message(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        String message = event.getFormattedMessage();
        return thrown == null ? message : message + "\n" + ThrowableProxyUtil.asString(thrown);
    }
}
