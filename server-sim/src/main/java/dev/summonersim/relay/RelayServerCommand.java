package dev.summonersim.relay;

import dev.summonersim.relay.chaos.ChaosSpec;
import dev.summonersim.sdk.cli.ClientConfigOptions;
import dev.summonersim.sdk.cli.OneLineErrors;
import dev.summonersim.sdk.config.ProjectConfigs;
import dev.summonersim.sdk.logging.AgentLogging;
import dev.summonersim.sdk.protocol.RelayFlavour;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/** {@code bin/server}: runs the relay until SIGINT or SIGTERM, then delivers the shutdown notice and exits. */
@Command(name = "server", mixinStandardHelpOptions = true, version = "summoner-sim relay 0.1.0",
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Summoner-compatible relay: every line a client sends goes to every other connected client, as a "
                        + "{\"remote_addr\", \"content\"} frame in the Python or Rust reference format.",
                "Prints one line \"Relay server (<flavour> flavour) listening on HOST:PORT\" when ready. "
                        + "SIGINT/SIGTERM send every client the flavour's notice, flush it, and exit."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"130:stopped by SIGINT (after the shutdown notice)",
                "143:stopped by SIGTERM (after the shutdown notice)",
                "1:could not listen, or could not create the record file", "2:bad option or configuration file"})
public final class RelayServerCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Reference server_config.json: \"version\" picks the flavour (\"rust\"/\"rust_v…\" = Rust, "
                    + "anything else = Python); host, port, logger and hyper_parameters as the reference. "
                    + "A relative FILE is relative to the working directory. Default: the project's own "
                    + "server_config.json (in configs/); a missing file is an error.")
    private Path config;

    @Option(names = "--no-config",
            description = "Ignore --config and use the reference defaults (Rust flavour, rate limit 300/min, "
                    + "inactivity timeout 300 s, INFO logging).")
    private boolean noConfig;

    @Option(names = "--host", paramLabel = "H",
            description = "Address to listen on. " + ClientConfigOptions.OVERRIDE_RULE
                    + " Default: the config's \"host\", else 127.0.0.1.")
    private String host;

    @Option(names = "--port", paramLabel = "P",
            description = "Port to listen on, 0 = any free port. " + ClientConfigOptions.OVERRIDE_RULE
                    + " Default: the config's \"port\", else 8888.")
    private Integer port;

    @Option(names = "--flavour", paramLabel = "python|rust",
            description = "Frame format and behaviour, overriding the config's \"version\".")
    private String flavour;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Write every relayed frame to FILE as JSON Lines (seq, ts, ts_us, sender, sender_seq, "
                    + "content, receivers, chaos; see server-sim/README.md). Off by default.")
    private Path record;

    @Option(names = "--chaos", paramLabel = "SPEC",
            description = "Deliberately misbehave, for harness self-tests. SPEC: " + ChaosSpec.SYNTAX
                    + ", e.g. drop=0.05,dup=0.05,reorder=0.05,delay=0.1:20ms,seed=42. Off by default.")
    private String chaos;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with the project's one-line answers to bad input. */
    public static CommandLine commandLine() {
        // The tests run with paranoid leak detection; in production its sampling costs per-line CPU for nothing.
        // A property, not ResourceLeakDetector.setLevel: touching Netty before logging is configured prints its
        // DEBUG start-up lines.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        return OneLineErrors.install(new CommandLine(new RelayServerCommand()));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        RelayServerConfig cfg;
        RelayRunOptions run;
        try {
            cfg = resolveConfig();
            run = runOptions();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        AgentLogging.configure("dev.summonersim.relay", cfg.logger());
        RelayServer server;
        try {
            server = RelayServer.start(cfg, run);
        } catch (UncheckedIOException e) {
            IOException cause = e.getCause();
            err.println("server: " + e.getMessage() + " (" + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage() + ")");
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "relay-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Relay server (" + cfg.flavour().name().toLowerCase(Locale.ROOT) + " flavour) listening on "
                + server.addressText());
        out.flush();
        stopped.await();
        return 0;
    }

    RelayServerConfig resolveConfig() {
        RelayServerConfig base;
        if (noConfig) {
            base = RelayServerConfig.defaults();
        } else {
            Path file = config != null ? config : ProjectConfigs.defaultFile("server_config.json");
            try {
                base = RelayServerConfig.load(file);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--config " + file + ": " + e.getMessage()
                        + (Files.exists(file) ? "" : " (give --config FILE, or --no-config for the reference defaults)"),
                        e);
            }
        }
        RelayServerConfig.Builder b = base.toBuilder();
        if (host != null) {
            b.host(host);
        }
        if (port != null) {
            b.port(port);
        }
        if (flavour != null) {
            b.flavour(switch (flavour.toLowerCase(Locale.ROOT)) {
                case "python" -> RelayFlavour.PYTHON;
                case "rust" -> RelayFlavour.RUST;
                default -> throw new IllegalArgumentException("--flavour '" + flavour + "' (expected: python or rust)");
            });
        }
        return b.build();
    }

    /** --record and --chaos: how this process runs, not how the relay relays. */
    RelayRunOptions runOptions() {
        RelayRunOptions.Builder b = RelayRunOptions.builder();
        if (record != null) {
            b.recordFile(checkedRecordFile(record));
        }
        if (chaos != null) {
            try {
                b.chaos(ChaosSpec.parse(chaos));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--chaos '" + chaos + "': " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    /** The record file's folder must exist: a typo in it should be an error, not a new folder tree. */
    private static Path checkedRecordFile(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("--record " + file + ": is a directory (expected a file path)");
        }
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--record " + file + ": directory " + parent
                    + " does not exist (expected a file in an existing directory)");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new IllegalArgumentException("--record " + file + ": directory " + parent + " is not writable");
        }
        return file;
    }
}
