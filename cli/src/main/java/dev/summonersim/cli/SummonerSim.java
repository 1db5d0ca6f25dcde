package dev.summonersim.cli;

import dev.summonersim.agent.echo.EchoAgentCommand;
import dev.summonersim.agent.input.InputAgentCommand;
import dev.summonersim.agent.stream.StreamAgentCommand;
import dev.summonersim.bench.BenchCommand;
import dev.summonersim.simulator.SimulateCommand;
import dev.summonersim.harness.check.CheckEventsCommand;
import dev.summonersim.harness.conformance.ConformanceCommand;
import dev.summonersim.llmstub.LlmStubCommand;
import dev.summonersim.relay.RelayServerCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one runnable jar: {@code java -jar summoner-sim-all.jar <command> [options]} runs the command as its
 * {@code bin/<command>} launcher would, so a user needs a Java 17 runtime and this jar, not Maven or the sources.
 */
public final class SummonerSim {

    static final String TOOL = "summoner-sim";

    /** Every command, in the order the help lists them. Adding one is one line here. */
    static final List<Subcommand> COMMANDS = List.of(
            new Subcommand("server", "the relay server (Rust or Python flavour)", RelayServerCommand::commandLine),
            new Subcommand("stream-agent", "StreamAgent_1/StreamAgent_0: answers prompts with streamed LLM tokens",
                    StreamAgentCommand::commandLine),
            new Subcommand("input-agent", "the interactive (or scripted) input agent", InputAgentCommand::commandLine),
            new Subcommand("echo-agent", "EchoAgent_0: sends every payload it receives back to every peer",
                    EchoAgentCommand::commandLine),
            new Subcommand("llm-stub", "a stub of OpenAI's streaming Chat Completions API", LlmStubCommand::commandLine),
            new Subcommand("check-events", "checks recorded stream events against the stream invariants",
                    CheckEventsCommand::commandLine),
            new Subcommand("conformance", "the conformance scenarios against any stream agent (ours by default)",
                    ConformanceCommand::commandLine),
            new Subcommand("bench", "the JMH benchmark suite, its charts and summary", BenchCommand::commandLine),
            new Subcommand("simulate", "many stream agents on one relay: latency, accounting, CPU, a report",
                    SimulateCommand::commandLine));

    private SummonerSim() {
    }

    public static void main(String[] args) {
        Optional<Subcommand> command = args.length == 0 ? Optional.empty() : find(args[0]);
        if (command.isPresent()) {
            System.exit(command.get().command().get().execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        System.exit(answerWithoutCommand(args, System.out, System.err));
    }

    static Optional<Subcommand> find(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** No command, help, or an unknown command: the list, or one line saying what was expected. */
    static int answerWithoutCommand(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            out.print(usage());
            out.flush();
            return args.length == 0 ? 2 : 0;
        }
        err.println(TOOL + ": unknown command '" + args[0] + "' (expected one of: " + names() + ")");
        err.println("Try '" + TOOL + " --help' for more information.");
        err.flush();
        return 2;
    }

    static String usage() {
        StringBuilder b = new StringBuilder();
        b.append("Usage: java -jar summoner-sim-all.jar COMMAND [OPTIONS]\n");
        b.append("Runs one command of summoner-sim; 'COMMAND --help' documents its options.\n\nCommands:\n");
        int width = COMMANDS.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (Subcommand c : COMMANDS) {
            b.append("  ").append(String.format("%-" + width + "s", c.name())).append("  ").append(c.summary())
                    .append('\n');
        }
        return b.toString();
    }

    private static String names() {
        return COMMANDS.stream().map(Subcommand::name).collect(Collectors.joining(", "));
    }
}
