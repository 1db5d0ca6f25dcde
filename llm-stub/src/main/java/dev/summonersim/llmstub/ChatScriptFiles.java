package dev.summonersim.llmstub;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.summonersim.llmstub.internal.ScriptFileFormat;
import dev.summonersim.llmstub.internal.ScriptFileFormat.ScriptEntry;
import dev.summonersim.llmstub.internal.ScriptFileFormat.ScriptFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads chat scripts from JSON mapping files (format in the module README, example in {@code examples/}).
 * Every {@code *.json} file of a directory is read in file-name order, scripts in file order.
 */
public final class ChatScriptFiles {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ChatScriptFiles() {
    }

    /**
     * @throws IllegalArgumentException naming the file, the script index and what is wrong
     * @throws UncheckedIOException when the directory or a file cannot be read
     */
    public static List<ChatScript> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("mappings directory not found: " + dir.toAbsolutePath());
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list mappings directory " + dir, e);
        }
        List<ChatScript> scripts = new ArrayList<>();
        for (Path file : files) {
            try {
                scripts.addAll(parse(Files.readString(file), file.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read mapping file " + file, e);
            }
        }
        return List.copyOf(scripts);
    }

    /** Parses one mapping file's text; {@code source} names it in error messages. */
    public static List<ChatScript> parse(String json, String source) {
        ScriptFile file;
        try {
            file = JSON.readValue(json, ScriptFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not a valid mapping file: "
                    + e.getMessage().lines().findFirst().orElse("") + " (expected {\"scripts\": [...]})", e);
        }
        if (file == null || file.scripts() == null) {
            throw new IllegalArgumentException(source + ": missing \"scripts\" array");
        }
        List<ChatScript> scripts = new ArrayList<>();
        for (int i = 0; i < file.scripts().size(); i++) {
            ScriptEntry entry = file.scripts().get(i);
            try {
                if (entry == null) {
                    throw new IllegalArgumentException("script is null");
                }
                scripts.add(ScriptFileFormat.toScript(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": scripts[" + i + "]: " + e.getMessage(), e);
            }
        }
        return scripts;
    }
}
