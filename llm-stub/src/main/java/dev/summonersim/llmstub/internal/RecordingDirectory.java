package dev.summonersim.llmstub.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.summonersim.llmstub.internal.ScriptFileFormat.ScriptEntry;
import dev.summonersim.llmstub.internal.ScriptFileFormat.ScriptFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where recorded exchanges go: one mapping file per exchange, named by UTC time and a sequence number so that file
 * name order (the order {@code --mappings} reads) is recording order and the newest recording of a prompt wins.
 * Each file is written beside its final name and then moved, so a stub loading the directory never reads half a file.
 */
public final class RecordingDirectory {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

    private final Path dir;
    private final AtomicInteger sequence = new AtomicInteger();

    private RecordingDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates the directory when missing and checks that a file can be written in it.
     *
     * @throws IllegalArgumentException saying why it cannot be used
     */
    public static RecordingDirectory open(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".llm-stub-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("cannot write there (" + reason(e)
                    + "); expected a writable directory, created if missing", e);
        }
        return new RecordingDirectory(dir);
    }

    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public Path path() {
        return dir;
    }

    /** Writes one script as its own mapping file and returns the file. */
    Path write(ScriptEntry script) {
        String name = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "-"
                + String.format(Locale.ROOT, "%04d", sequence.incrementAndGet()) + "-" + slug(script.prompt()) + ".json";
        Path file = dir.resolve(name);
        Path partial = dir.resolve("." + name + ".partial");
        try {
            Files.write(partial, JSON.writeValueAsBytes(new ScriptFile(List.of(script))));
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write recording " + file, e);
        }
    }

    /** A few words of the prompt, safe in any file system, so a person can find a recording. */
    private static String slug(String prompt) {
        String s = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        s = s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
        return s.isEmpty() ? "chat" : s;
    }
}
