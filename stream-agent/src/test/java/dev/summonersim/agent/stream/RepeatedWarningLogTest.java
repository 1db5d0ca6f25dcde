package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.sdk.protocol.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Issue 13 §3: a rate limit's thousands of identical warnings become one log line per second with a count. */
class RepeatedWarningLogTest {
    private static final String LIMIT = "[From Server] You are sending messages too quickly. Please slow down.";
    private static final Pattern REPEATED = Pattern.compile(" \\(repeated ([\\d,]+) more times? in [\\d.]+ s\\)$");

    private final Logger log = (Logger) LoggerFactory.getLogger("RepeatedWarningLogTest-" + System.nanoTime());
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final AtomicLong nanos = new AtomicLong();

    RepeatedWarningLogTest() {
        logged.start();
        log.addAppender(logged);
    }

    private List<String> lines() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void repeatsWithinTheWindowBecomeOneCountedLinePerWindow() {
        RepeatedWarningLog warnings = new RepeatedWarningLog(log, nanos::get, Duration.ofSeconds(1));
        for (int i = 0; i < 1_892; i++) {
            nanos.set(i * 1_000_000L); // one warning per millisecond, 1.892 s in all
            warnings.warn(LIMIT);
        }
        assertThat(lines()).containsExactly(LIMIT, LIMIT + " (repeated 1,000 more times in 1.0 s)");
        warnings.warn("[From Server] Server is shutting down.");
        assertThat(lines()).containsExactly(LIMIT, LIMIT + " (repeated 1,000 more times in 1.0 s)",
                LIMIT + " (repeated 891 more times in 0.9 s)", "[From Server] Server is shutting down.");
    }

    @Test
    void pendingRepeatsAreWrittenOneWindowLaterWhenNothingElseArrives() {
        List<Runnable> scheduled = new ArrayList<>();
        RepeatedWarningLog warnings = new RepeatedWarningLog(log, nanos::get, Duration.ofSeconds(1), scheduled::add);
        for (int i = 0; i < 32; i++) {
            nanos.set(i * 1_000_000L);
            warnings.warn(LIMIT);
        }
        assertThat(lines()).containsExactly(LIMIT);
        assertThat(scheduled).as("one timer for the pending run, not one per repeat").hasSize(1);
        nanos.set(1_031_000_000L);
        scheduled.get(0).run();
        assertThat(lines()).containsExactly(LIMIT, LIMIT + " (repeated 31 more times in 1.0 s)");
    }

    @Test
    void aSingleRepeatIsCountedWhenFlushed() {
        RepeatedWarningLog warnings = new RepeatedWarningLog(log, nanos::get, Duration.ofSeconds(1));
        warnings.warn(LIMIT);
        warnings.flush();
        warnings.warn(LIMIT);
        nanos.set(300_000_000L);
        warnings.flush();
        warnings.flush();
        assertThat(lines()).containsExactly(LIMIT, LIMIT + " (repeated 1 more time in 0.3 s)");
    }

    @Test
    void theStreamAgentCountsEveryServerWarningAndWritesTheRestWithTheNextMessage() {
        SingleStreamRunner runner = new SingleStreamRunner(new LinkedBlockingQueue<>(), (p, t, c) -> { },
                () -> "id", log);
        try {
            PromptReceiver receiver = new PromptReceiver(runner, log, false);
            for (int i = 0; i < 1_892; i++) {
                receiver.onMessage(new TextMessage("Warning: You are sending messages too quickly. Please slow down."));
            }
            receiver.onMessage(new RelayMessage("127.0.0.1:1", "next prompt"));
        } finally {
            runner.close();
        }
        List<String> warningLines = lines().stream().filter(l -> l.startsWith(LIMIT)).toList();
        long counted = 0;
        for (String line : warningLines) {
            Matcher m = REPEATED.matcher(line);
            counted += m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 1;
        }
        assertThat(counted).isEqualTo(1_892);
        assertThat(warningLines.size()).isLessThan(1_892).isGreaterThanOrEqualTo(2);
        assertThat(lines().get(lines().size() - 1)).startsWith("Triggering LLM streaming");
    }
}
