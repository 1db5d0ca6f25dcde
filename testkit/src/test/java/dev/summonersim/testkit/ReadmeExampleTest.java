package dev.summonersim.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's user test is extracted from README.md, compiled in-process and run: the docs cannot drift. */
class ReadmeExampleTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("^class (\\w+)", Pattern.MULTILINE);

    @TempDir
    Path work;

    @Test
    void readmeExampleCompilesAndPasses() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = JAVA_BLOCK.matcher(readme);
        assertThat(block.find()).as("README.md has a ```java block").isTrue();
        String source = block.group(1);
        Matcher name = CLASS_NAME.matcher(source);
        assertThat(name.find()).as("the README example declares a class").isTrue();
        String className = name.group(1);
        assertThat(source.lines().count()).as("the example stays short").isLessThanOrEqualTo(40);

        Path sourceFile = work.resolve(className + ".java");
        Files.writeString(sourceFile, source);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "--release", "17", "-proc:none",
                "-classpath", testClassPath(), "-d", classes.toString(), sourceFile.toString());
        assertThat(rc).as("javac: %s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            TestExecutionSummary summary = JUnitRun.run(loader.loadClass(className));
            assertThat(summary.getTestsSucceededCount()).as(JUnitRun.failures(summary)).isEqualTo(1);
            assertThat(summary.getTotalFailureCount()).isZero();
        }
    }

    /** Surefire runs tests from a manifest-only jar; it publishes the real class path in this property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
