package dev.summonersim.agent.echo;

import dev.summonersim.sdk.cli.OneLineErrors;
import dev.summonersim.sdk.client.SummonerClient;
import dev.summonersim.sdk.config.ClientConfig;
import dev.summonersim.sdk.config.ConfigException;
import dev.summonersim.sdk.config.ProjectConfigs;
import dev.summonersim.sdk.logging.AgentLogging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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

    @Option(names = "--config", paramLabel = "FILE",
            description = "Client config JSON (reference client_config.json), relative to the working directory. "
                    + "Default: the project's configs/client_config.json when it exists, else built-in defaults.")
    Path config;

    @Option(names = "--host", paramLabel = "H",
            description = "Relay host; the config's \"host\" wins when set (as the reference). Default: 127.0.0.1.")
    String host = SummonerClient.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "P",
            description = "Relay port 1..65535; the config's \"port\" wins when set. Default: 8888.")
    int port = SummonerClient.DEFAULT_PORT;

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
        if (port < 1 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 1-65535, got " + port);
        }
        if (delayMs < 0) {
            throw new ParameterException(spec.commandLine(), "--delay-ms must be at least 0, got " + delayMs);
        }
        if (name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--name must not be blank");
        }
        ClientConfig clientConfig = loadConfig();
        AgentLogging.configure(name, clientConfig.logger());
        EchoAgent agent = new EchoAgent(name, Duration.ofMillis(delayMs));
        return agent.clientBuilder(name).config(clientConfig).host(host).port(port).build().run();
    }

    private ClientConfig loadConfig() {
        Path file = config != null ? config : ProjectConfigs.defaultFile("client_config.json");
        if (config != null && !Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "--config " + file + ": no such file");
        }
        try {
            return Files.isRegularFile(file) ? ClientConfig.load(file) : ClientConfig.defaults();
        } catch (ConfigException e) {
            throw new ParameterException(spec.commandLine(), "--config " + file + ": " + e.getMessage(), e);
        }
    }
}
