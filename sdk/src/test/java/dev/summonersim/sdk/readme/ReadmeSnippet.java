package dev.summonersim.sdk.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a README's Java example and a test that compiles and runs it the same text. The test marks the example in
 * its own source between a line {@code // readme-example:begin} and a line {@code // readme-example:end}; the
 * README shows it in a {@code ```java} block. Indentation is ignored up to the example's own.
 */
public final class ReadmeSnippet {

    private static final String BEGIN = "// readme-example:begin";
    private static final String END = "// readme-example:end";

    private ReadmeSnippet() {
    }

    /** The marked lines of {@code testSource}, dedented. */
    public static String markedExample(Path testSource) {
        List<String> lines = read(testSource).lines().toList();
        int begin = indexOf(lines, BEGIN, testSource);
        int end = indexOf(lines, END, testSource);
        return dedent(lines.subList(begin + 1, end));
    }

    /** Every {@code ```java} block of {@code readme}, dedented. */
    public static List<String> javaBlocks(Path readme) {
        List<String> blocks = new ArrayList<>();
        List<String> current = null;
        for (String line : read(readme).lines().toList()) {
            if (current == null && line.strip().equals("```java")) {
                current = new ArrayList<>();
            } else if (current != null && line.strip().equals("```")) {
                blocks.add(dedent(current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    private static int indexOf(List<String> lines, String marker, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new IllegalStateException("no line '" + marker + "' in " + file);
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l.isBlank() ? "" : l.substring(indent).stripTrailing()).append('\n');
        }
        return b.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
