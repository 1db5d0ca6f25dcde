package dev.summonersim.sdk.cli;

import dev.summonersim.sdk.client.SummonerClient;
import dev.summonersim.sdk.config.ClientConfig;
import dev.summonersim.sdk.config.ConfigException;
import dev.summonersim.sdk.config.ProjectConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --config}, {@code --host} and {@code --port} options of every agent command, as a picocli mixin
 * ({@code @Mixin ClientConfigOptions relay;}), so that they read, check and combine the same way everywhere:
 * {@value #OVERRIDE_RULE} Without {@code --config} the project's {@code configs/client_config.json} is used when it
 * exists ({@link ProjectConfigs}), else the built-in defaults.
 */
public final class ClientConfigOptions {

    /** The precedence rule, word for word in every command's {@code --help}. */
    public static final String OVERRIDE_RULE = "Command-line options override the config file.";

    private static final String FILE_NAME = "client_config.json";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Client config JSON (reference client_config.json: host, port, logger, receiver, sender, "
                    + "reconnection), relative to the working directory. Default: the project's "
                    + "configs/client_config.json when it exists, else built-in defaults.")
    private Path config;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Relay host. " + OVERRIDE_RULE + " Default: the config's \"host\", else 127.0.0.1.")
    private String host;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Relay port 1..65535. " + OVERRIDE_RULE + " Default: the config's \"port\", else 8888.")
    private Integer port;

    /** {@link #load(Path)} from the process's working directory. */
    public Loaded load() {
        return load(Path.of(""));
    }

    /**
     * Checks the options, reads the config file and applies {@code --host}/{@code --port} over its values.
     *
     * @param workingDirectory where the project's default file is looked for when the launchers did not name the
     *                         project directory (tests give their own)
     * @throws ParameterException one line naming the option, or the file and the key, when something is wrong
     */
    public Loaded load(Path workingDirectory) {
        if (host != null && host.isBlank()) {
            throw bad("--host must not be empty");
        }
        if (port != null && (port < 1 || port > 65_535)) {
            throw bad("--port must be 1..65535, got " + port);
        }
        if (config != null && !Files.isRegularFile(config)) {
            throw bad("--config " + config + ": no such file");
        }
        Path file = config != null ? config : workingDirectory.resolve(ProjectConfigs.defaultFile(FILE_NAME));
        ClientConfig fromFile;
        String source;
        try {
            if (Files.isRegularFile(file)) {
                fromFile = ClientConfig.load(file);
                source = "Loaded config from: " + file;
            } else {
                fromFile = ClientConfig.defaults();
                source = "No " + file + "; using built-in client defaults";
            }
        } catch (ConfigException e) {
            throw new ParameterException(mixee.commandLine(), "invalid configuration: " + e.getMessage(), e);
        }
        return new Loaded(fromFile.withAddress(host, port), source);
    }

    private ParameterException bad(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }

    /**
     * A client configuration with the command line applied.
     *
     * @param config the file's values (or the defaults) with {@code --host}/{@code --port} over them
     * @param source one line for the log: which file was read, or that there was none
     */
    public record Loaded(ClientConfig config, String source) {

        /** The relay host the client connects to: the config's, else 127.0.0.1. */
        public String host() {
            return config.host() != null ? config.host() : SummonerClient.DEFAULT_HOST;
        }

        /** The relay port the client connects to: the config's, else 8888. */
        public int port() {
            return config.port() != null ? config.port() : SummonerClient.DEFAULT_PORT;
        }
    }
}
