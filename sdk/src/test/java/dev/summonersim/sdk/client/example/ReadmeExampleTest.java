package dev.summonersim.sdk.client.example;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps the README's client example identical to the compiled, tested {@link EchoAgent}. */
class ReadmeExampleTest {
    @Test
    void readmeShowsTheCompiledEchoAgent() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/summonersim/sdk/client/example/EchoAgent.java"));
        String classBody = source.substring(source.indexOf("public final class EchoAgent"));

        assertThat(Files.readString(Path.of("README.md"))).contains(classBody.strip());
    }
}
