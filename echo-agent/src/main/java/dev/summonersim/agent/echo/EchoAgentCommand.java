package dev.summonersim.agent.echo;

import dev.summonersim.sdk.cli.ClientConfigOptions;
import dev.summonersim.sdk.cli.OneLineErrors;
import dev.summonersim.sdk.logging.AgentLogging;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Command line of the echo agent. Wiring only. */
@Command(name = "echo-agent", mixinStandardHelpOptions = true, sortOptions = false, version = "echo-agent 0.1.0",
        description = {
            "EchoAgent_0: connects to a Summoner relay and sends every payload it receives back to every peer (the",
            "original sender included), one per --delay-ms. Logs 'Buffered message from:(SocketAddress=<addr>).' for",
            "each. Next to a stream agent every echo is a new message to it: an echoed prompt is a new prompt.",
            ""},
        footer = {"", "Exit codes: 0 stopped, 1 the client gave up reconnecting, 2 bad option or configuration."})
public final class EchoAgentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClientConfigOptions relay;

    @Option(names = "--name", paramLabel = "NAME", description = "Client and logger name. Default: ${DEFAULT-VALUE}.")
    String name = "EchoAgent_0";

    @Option(names = "--delay-ms", paramLabel = "N",
            description = "Pause before each echo, in ms (the reference sleeps 1 s). Default: ${DEFAULT-VALUE}.")
    long delayMs = 1000;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with the project's one-line answers to bad input. */
    public static CommandLine commandLine() {
        return OneLineErrors.install(new CommandLine(new EchoAgentCommand()));
    }

    @Override
    public Integer call() {
        if (delayMs < 0) {
            throw new ParameterException(spec.commandLine(), "--delay-ms must be at least 0, got " + delayMs);
        }
        if (name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--name must not be blank");
        }
        ClientConfigOptions.Loaded client = relay.load();
        AgentLogging.configure(name, client.config().logger());
        EchoAgent agent = new EchoAgent(name, Duration.ofMillis(delayMs));
        return agent.clientBuilder(name).config(client.config()).host(client.host()).port(client.port()).build()
                .run();
    }
}
