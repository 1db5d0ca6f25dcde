package dev.summonersim.sdk.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import dev.summonersim.sdk.text.PeerText;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders events with a Python logging {@code %}-style format such as
 * {@code %(asctime)s - %(name)s - %(levelname)s - %(message)s}, so the reference's config strings work unchanged.
 * Formatting it directly avoids translating into a Logback pattern, whose escaping rules differ.
 *
 * <p>The message and any stack trace pass through {@link PeerText#sanitize}: log lines quote what peers sent,
 * and a log is read on a terminal (deviation N3). Colours in the configured format itself are kept.
 */
final class PythonLogLayout extends LayoutBase<ILoggingEvent> {
    private static final Pattern FIELD = Pattern.compile("%\\((\\w+)\\)([-#0 +]*)(\\d*)(?:\\.(\\d+))?([sdifrx])|%%");
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

    private final List<Function<ILoggingEvent, String>> segments;

    PythonLogLayout(String pythonFormat, DateTimeFormatter dates, boolean keepColours) {
        String format = keepColours ? pythonFormat : ANSI.matcher(pythonFormat).replaceAll("");
        this.segments = compile(format, dates.withZone(ZoneId.systemDefault()));
    }

    private static List<Function<ILoggingEvent, String>> compile(String format, DateTimeFormatter dates) {
        List<Function<ILoggingEvent, String>> out = new ArrayList<>();
        Matcher m = FIELD.matcher(format);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                String literal = format.substring(last, m.start());
                out.add(e -> literal);
            }
            if (m.group().equals("%%")) {
                out.add(e -> "%");
            } else {
                out.add(padded(field(m.group(1), m.group(), dates), m.group(2), m.group(3), m.group(4)));
            }
            last = m.end();
        }
        if (last < format.length()) {
            String literal = format.substring(last);
            out.add(e -> literal);
        }
        return List.copyOf(out);
    }

    private static Function<ILoggingEvent, String> field(String key, String original, DateTimeFormatter dates) {
        return switch (key) {
            case "asctime" -> e -> dates.format(e.getInstant());
            case "name" -> ILoggingEvent::getLoggerName;
            case "levelname" -> PythonLevelName::of;
            case "message" -> e -> PeerText.sanitize(e.getFormattedMessage());
            case "threadName" -> ILoggingEvent::getThreadName;
            case "created" -> e -> String.valueOf(e.getTimeStamp() / 1000.0);
            case "msecs" -> e -> String.valueOf(e.getTimeStamp() % 1000);
            default -> e -> original; // Python would raise KeyError; showing the field is kinder
        };
    }

    private static Function<ILoggingEvent, String> padded(Function<ILoggingEvent, String> field, String flags,
                                                          String width, String precision) {
        if (width.isEmpty() && precision == null) {
            return field;
        }
        boolean left = flags.contains("-");
        int w = width.isEmpty() ? 0 : Integer.parseInt(width);
        int p = precision == null ? Integer.MAX_VALUE : Integer.parseInt(precision);
        return e -> {
            String s = field.apply(e);
            if (s.length() > p) {
                s = s.substring(0, p);
            }
            if (s.length() >= w) {
                return s;
            }
            String pad = " ".repeat(w - s.length());
            return left ? s + pad : pad + s;
        };
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder sb = new StringBuilder(128);
        for (Function<ILoggingEvent, String> segment : segments) {
            sb.append(segment.apply(event));
        }
        sb.append(CoreConstants.LINE_SEPARATOR);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            sb.append(PeerText.sanitize(ThrowableProxyUtil.asString(thrown)));
        }
        return sb.toString();
    }
}
