package dev.summonersim.harness.conformance;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs {@code bin/conformance}'s command in this JVM and keeps its exit code, stdout and stderr. */
record KitInvocation(int exitCode, String out, String err) {

    /** The repository root: failsafe and surefire run in harness/. */
    static Path repositoryRoot() {
        String configured = System.getProperty("summonersim.root");
        return (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
    }

    static final String PYTHON_AGENT = "python3 examples/python-stream-agent/agent.py --config {config}";

    static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    static KitInvocation run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = ConformanceCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new KitInvocation(code, out.toString(), err.toString());
    }

    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
