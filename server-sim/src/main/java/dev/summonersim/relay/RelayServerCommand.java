package dev.summonersim.relay;

import dev.summonersim.relay.chaos.ChaosSpec;
import dev.summonersim.sdk.config.ProjectConfigs;
import dev.summonersim.sdk.logging.AgentLogging;
import dev.summonersim.sdk.wire.RelayFlavour;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

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
            description = "Address to listen on (overrides the config). Default: config \"host\", else 127.0.0.1.")
    private String host;

    @Option(names = "--port", paramLabel = "P",
            description = "Port to listen on, 0 = any free port (overrides the config). Default: config \"port\", "
                    + "else 8888.")
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
        // The tests run with paranoid leak detection; in production its sampling costs per-line CPU for nothing.
        // A property, not ResourceLeakDetector.setLevel: touching Netty before logging is configured prints its
        // DEBUG start-up lines.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        System.exit(new CommandLine(new RelayServerCommand()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        RelayServerConfig cfg;
        try {
            cfg = resolveConfig();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        AgentLogging.configure("dev.summonersim.relay", cfg.logger());
        RelayServer server;
        try {
            server = RelayServer.start(cfg);
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getCause().getMessage());
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
        RelayServerConfig base = noConfig ? RelayServerConfig.defaults()
                : RelayServerConfig.load(config != null ? config : ProjectConfigs.defaultFile("server_config.json"));
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
        if (record != null) {
            b.recordFile(record);
        }
        if (chaos != null) {
            b.chaos(ChaosSpec.parse(chaos));
        }
        return b.build();
    }
}
