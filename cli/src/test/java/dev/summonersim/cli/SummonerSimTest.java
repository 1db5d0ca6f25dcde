package dev.summonersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The jar's entry point, run as a real JVM on this module's class path (what the shaded jar contains). */
class SummonerSimTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SummonerSim.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "stream-agent", "input-agent", "echo-agent", "llm-stub", "check-events", "conformance", "bench"})
    void everyCommandIsASubcommandWithItsOwnHelp(String command) throws Exception {
        Run r = run(command, "--help");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("Usage: " + command);
    }

    @Test
    void helpListsEveryCommand() throws Exception {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        SummonerSim.COMMANDS.forEach(c -> assertThat(r.out()).contains("  " + c.name() + " "));
    }

    @Test
    void unknownCommandIsOneLineNamingTheAcceptedOnesThenTryHelp() throws Exception {
        Run r = run("serve", "--port", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).containsExactly(
                "summoner-sim: unknown command 'serve' (expected one of: server, stream-agent, input-agent, "
                        + "echo-agent, llm-stub, check-events, conformance, bench, simulate)",
                "Try 'summoner-sim --help' for more information.");
    }

    @Test
    void subcommandArgumentsReachTheCommand() throws Exception {
        Run r = run("server", "--no-config", "--flavour", "perl");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--flavour").contains("perl");
    }
}
