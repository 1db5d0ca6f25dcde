package dev.summonersim.harness.conformance;

import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.sdk.protocol.RelayFlavour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * bin/conformance end to end: the self-test and the Python example pass every scenario, and an agent that cannot
 * start gives one clear line and exit 1 within --timeout-s.
 */
class ConformanceKitTest {

    private static final int SCENARIOS = ConformanceRun.SCENARIOS.size();

    @TempDir
    Path reports;

    @Test
    @Timeout(300)
    void selfTestPassesEveryScenario() throws Exception {
        KitInvocation kit = KitInvocation.run("--report-dir", reports.toString());
        System.out.print(kit.out());

        assertThat(kit.exitCode()).as(kit.toString()).isZero();
        assertThat(kit.out().lines().filter(l -> l.matches("^[a-z-]+ +[a-z]+ +pass .*"))).as(kit.toString())
                .hasSize(SCENARIOS);
        String junit = Files.readString(reports.resolve("junit.xml"));
        assertThat(junit).contains("tests=\"" + SCENARIOS + "\" failures=\"0\"").doesNotContain("<failure");
        assertThat(Files.readString(reports.resolve("report.md"))).contains("| walkthrough | core | pass |");
    }

    @Test
    @Timeout(300)
    void pythonExamplePassesEveryScenario() {
        assumeTrue(KitInvocation.python3Available(), "python3 is not installed: the Python example cannot run here");

        KitInvocation kit = KitInvocation.run("--agent-cmd", KitInvocation.PYTHON_AGENT,
                "--agent-cwd", KitInvocation.repositoryRoot().toString(), "--report-dir", reports.toString());
        System.out.print(kit.out());

        assertThat(kit.exitCode()).as(kit.toString()).isZero();
        assertThat(kit.out().lines().filter(l -> l.matches("^[a-z-]+ +[a-z]+ +pass .*"))).as(kit.toString())
                .hasSize(SCENARIOS);
        assertThat(kit.out()).contains("core: pass (3 of 3 pass)", "robustness: pass (4 of 4 pass)",
                "etiquette: pass (1 of 1 pass)");
    }

    @Test
    @Timeout(300)
    void anExternalRelayIsTestedThroughTheRecordingProxy() {
        try (RelayServer external = RelayServer.start(RelayServerConfig.forTesting().toBuilder()
                .flavour(RelayFlavour.PYTHON).build())) {
            KitInvocation kit = KitInvocation.run("--relay", "127.0.0.1:" + external.port());
            System.out.print(kit.out());

            assertThat(kit.exitCode()).as(kit.toString()).isZero();
            assertThat(kit.out().lines().filter(l -> l.matches("^[a-z-]+ +[a-z]+ +pass .*"))).as(kit.toString())
                    .hasSize(SCENARIOS - 2);
            assertThat(kit.out().lines().filter(l -> l.contains(" skipped ")))
                    .as(kit.toString()).hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains("not run with --relay"));
        }
    }

    @Test
    @Timeout(60)
    void aCommandThatDoesNotExistIsOneLineAndExit1() {
        KitInvocation kit = KitInvocation.run("--agent-cmd", "no-such-agent-command-4711 --config {config}",
                "--timeout-s", "10");

        assertThat(kit.exitCode()).as(kit.toString()).isEqualTo(1);
        assertThat(kit.errLines()).as(kit.toString()).singleElement().asString()
                .startsWith("conformance: agent exited with status 127").contains("not found");
        assertThat(kit.out()).contains("skipped", "not run: the agent did not start");
    }

    @Test
    @Timeout(60)
    void aConfigTheAgentCannotReadIsOneLineAndExit1() {
        assumeTrue(KitInvocation.python3Available(), "python3 is not installed: the Python example cannot run here");

        KitInvocation kit = KitInvocation.run("--agent-cmd", KitInvocation.PYTHON_AGENT + ".missing",
                "--agent-cwd", KitInvocation.repositoryRoot().toString(), "--timeout-s", "10");

        assertThat(kit.exitCode()).as(kit.toString()).isEqualTo(1);
        assertThat(kit.errLines()).as(kit.toString()).singleElement().asString()
                .startsWith("conformance: agent exited with status 2").contains("cannot read --config");
    }

    @Test
    @Timeout(60)
    void anAgentThatNeverConnectsIsOneLineAndExit1AfterTheTimeout() {
        KitInvocation kit = KitInvocation.run("--agent-cmd", "echo waiting for nothing; exec sleep 600",
                "--timeout-s", "2");

        assertThat(kit.exitCode()).as(kit.toString()).isEqualTo(1);
        assertThat(kit.errLines()).as(kit.toString()).singleElement().asString()
                .isEqualTo("conformance: agent did not connect to the relay within 2 s; last output: waiting for nothing");
    }

    @Test
    void badOptionsAreOneLineAndExit2() {
        KitInvocation kit = KitInvocation.run("--scenario", "nope");

        assertThat(kit.exitCode()).isEqualTo(2);
        assertThat(kit.errLines()).containsExactly(
                "conformance: --scenario: unknown scenario 'nope' (one of: walkthrough, json-tokens, fan-out, "
                        + "cancellation, llm-faults, server-warning, relay-restart, self-trigger)",
                "Try 'conformance --help'");
    }

    @Test
    void listPrintsOneLinePerScenario() {
        KitInvocation kit = KitInvocation.run("--list");

        assertThat(kit.exitCode()).isZero();
        assertThat(kit.out().lines()).hasSize(SCENARIOS).anySatisfy(l -> assertThat(l).startsWith("self-trigger"));
    }

    @Test
    @Timeout(120)
    void anExpectedFailureThatPassesFailsTheRun() {
        KitInvocation kit = KitInvocation.run("--scenario", "walkthrough", "--expect-fail", "walkthrough");

        assertThat(kit.exitCode()).as(kit.toString()).isEqualTo(1);
        assertThat(kit.out()).contains("UNEXPECTED-PASS");
    }
}
