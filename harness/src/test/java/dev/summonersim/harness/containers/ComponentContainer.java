package dev.summonersim.harness.containers;

import com.github.dockerjava.api.DockerClient;
import dev.summonersim.sdk.text.PeerText;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One component (relay, stream agent or input agent) in its own container, on the host network so that all traffic
 * stays on 127.0.0.1; the port is chosen by the test and passed as an argument. Readiness is a log line. The fault
 * methods act on the running container through the Docker API.
 */
public final class ComponentContainer extends GenericContainer<ComponentContainer> {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private ComponentContainer(String name, List<String> command) {
        super(ComponentImage.get());
        withNetworkMode("host");
        withCommand(command.toArray(String[]::new));
        withLogConsumer(frame -> {
            String text = frame.getUtf8StringWithoutLineEnding();
            if (!text.isBlank()) {
                System.out.println("[" + name + "] " + PeerText.sanitize(text));  // a component may echo peer text
            }
        });
        // The agents read OPENAI_* from the environment; nothing is set in a container, so the embedded stub answers.
    }

    public static ComponentContainer relay(int port) {
        return new ComponentContainer("relay", List.of("java", "-jar", "/app/server-sim-all.jar", "--port", String.valueOf(port)))
                .waitingFor(Wait.forLogMessage(".*listening on 127\\.0\\.0\\.1:" + port + ".*\\n", 1).withStartupTimeout(STARTUP));
    }

    public static ComponentContainer streamAgent(int relayPort) {
        return new ComponentContainer("stream-agent", List.of("java", "-jar", "/app/stream-agent-all.jar",
                "--port", String.valueOf(relayPort)))
                .waitingFor(Wait.forLogMessage(".*StreamAgent_1 - INFO - Connected to server.*\\n", 1).withStartupTimeout(STARTUP));
    }

    /** A scripted input agent that sends the inputs, exits once {@code streams} streams ended, and prints the display. */
    public static ComponentContainer inputAgent(int relayPort, List<String> inputs, int streams) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", "/app/input-agent-all.jar", "--port", String.valueOf(relayPort)));
        for (String input : inputs) {
            command.add("--send");
            command.add(input);
        }
        command.addAll(List.of("--exit-after-streams", String.valueOf(streams), "--timeout-s", "60"));
        return new ComponentContainer("input-agent", command)
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(STARTUP));
    }

    /** The container's stdout only (the input agent's display goes there, its log lines to stderr). */
    public String stdout() {
        return getLogs(OutputFrame.OutputType.STDOUT);
    }

    public long countLogLines(String fragment) {
        return getLogs().lines().filter(l -> l.contains(fragment)).count();
    }

    public long countLogLinesMatching(String regex) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        return getLogs().lines().filter(l -> pattern.matcher(l).matches()).count();
    }

    /** SIGKILL: the process dies without any goodbye, as after a crash. */
    public void kill() {
        docker().killContainerCmd(getContainerId()).exec();
    }

    /** Starts the killed container again with the same command (and the same port). */
    public void startAgain() {
        docker().startContainerCmd(getContainerId()).exec();
    }

    /** Freezes every process of the container (cgroup freezer); sockets stay open. */
    public void pause() {
        docker().pauseContainerCmd(getContainerId()).exec();
    }

    public void unpause() {
        docker().unpauseContainerCmd(getContainerId()).exec();
    }

    public boolean isRunningNow() {
        return Boolean.TRUE.equals(docker().inspectContainerCmd(getContainerId()).exec().getState().getRunning());
    }

    private DockerClient docker() {
        return getDockerClient();
    }
}
