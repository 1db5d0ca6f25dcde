package dev.summonersim.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs a test class the way a user's build would, to see what the extension does to its outcome. */
final class JUnitRun {

    /** Set only for runs started here, so fixture classes that fail on purpose run nowhere else. */
    static final String FIXTURE_RUN = "dev.summonersim.testkit.fixture-run";

    private JUnitRun() {
    }

    /** For {@code @EnabledIf}: true only inside a run started by {@link #run(Class)}. */
    static boolean isFixtureRun(ExtensionContext context) {
        return context.getConfigurationParameter(FIXTURE_RUN).isPresent();
    }

    static TestExecutionSummary run(Class<?> testClass) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass))
                .configurationParameter(FIXTURE_RUN, "true").build(), listener);
        return listener.getSummary();
    }

    static String failures(TestExecutionSummary summary) {
        StringWriter text = new StringWriter();
        summary.printFailuresTo(new PrintWriter(text), 20);
        return text.toString();
    }
}
