package dev.summonersim.harness.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md is the repository's only account of the protocol: every quirk id, vector id and protocol section
 * cited in the sources and READMEs must be defined there, and every test class it names as covering a quirk must
 * exist. Ids cited nowhere but outside the repository would send the next engineer looking for a file they do not have.
 */
class ProtocolDocTest {

    private static final Pattern QUIRK_OR_OWN_ID = Pattern.compile("\\b([QN]\\d{1,2})\\b");
    // Vector numbers start at 1, so "C0" (the control-character block) is not a citation.
    private static final Pattern VECTOR_ID = Pattern.compile("\\b([A-FR][1-9]\\d?)\\b");
    private static final Pattern SECTION_REF = Pattern.compile("protocol\\.md ?§(\\d+(?:\\.\\d+)?)");
    private static final Pattern STALE_SPEC_REF = Pattern.compile("(?i)\\bspec (?:§ ?)?R?\\d");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,3} (\\d+(?:\\.\\d+)?)\\.? ");
    private static final Pattern TABLE_ID = Pattern.compile("(?m)^\\| ([QN]\\d{1,2}) \\|");
    private static final Pattern RANGE = Pattern.compile("\\b([A-FR])(\\d{1,2})[–-]\\1?(\\d{1,2})\\b");
    private static final Pattern TEST_CLASS = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))`");

    private static final Path ROOT = repositoryRoot();
    private static final Path DOC = ROOT.resolve("docs/protocol.md");
    private static final Path VECTORS = ROOT.resolve("sdk/src/test/resources/test-vectors.json");

    @Test
    void everyQuirkIdCitedInTheRepositoryIsInTheQuirkTables() {
        Set<String> defined = matches(TABLE_ID, doc());
        List<String> undefined = new ArrayList<>();
        forEachCitingFile((file, text) -> matches(QUIRK_OR_OWN_ID, text).stream()
                .filter(id -> !defined.contains(id))
                .forEach(id -> undefined.add(id + " in " + ROOT.relativize(file))));
        assertThat(defined).as("quirk rows").contains("Q1", "Q23", "N1");
        assertThat(undefined).as("quirk ids cited but not defined in docs/protocol.md").isEmpty();
    }

    @Test
    void everyVectorIdCitedInTheRepositoryIsAVectorOfTheDoc() {
        Set<String> defined = vectorIdsOfTheDoc();
        List<String> undefined = new ArrayList<>();
        forEachCitingFile((file, text) -> matches(VECTOR_ID, text).stream()
                .filter(id -> !defined.contains(id))
                .forEach(id -> undefined.add(id + " in " + ROOT.relativize(file))));
        assertThat(undefined).as("vector ids cited but not listed in docs/protocol.md §7").isEmpty();
    }

    @Test
    void everyVectorOfTheDataFileIsDescribedInTheDoc() throws IOException {
        JsonNode root = new ObjectMapper().readTree(VECTORS.toFile());
        Set<String> inData = new TreeSet<>();
        root.fields().forEachRemaining(set -> {
            if (set.getValue().isArray()) {
                set.getValue().forEach(v -> inData.add(v.get("id").asText()));
            }
        });
        assertThat(inData).hasSizeGreaterThan(100);
        assertThat(vectorIdsOfTheDoc()).containsAll(inData);
    }

    @Test
    void everyProtocolSectionCitedExistsAndNoCitationPointsOutsideTheRepository() {
        Set<String> headings = matches(HEADING, doc());
        List<String> problems = new ArrayList<>();
        forEachCitingFile((file, text) -> {
            matches(SECTION_REF, text).stream().filter(s -> !headings.contains(s))
                    .forEach(s -> problems.add("§" + s + " (no such section) in " + ROOT.relativize(file)));
            Matcher stale = STALE_SPEC_REF.matcher(text);
            while (stale.find()) {
                problems.add("'" + stale.group() + "…' (cite docs/protocol.md §N instead) in " + ROOT.relativize(file));
            }
        });
        assertThat(headings).contains("1", "3.5", "7.7");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTestClassTheDocNamesExists() throws IOException {
        Set<String> named = matches(TEST_CLASS, doc());
        Set<String> existing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
                    .filter(ProtocolDocTest::inSources)
                    .forEach(p -> existing.add(p.getFileName().toString().replace(".java", "")));
        }
        assertThat(named).contains("ProtocolDocTest", "SingleStreamRunnerTest");
        assertThat(existing).as("test classes in the repository").containsAll(named);
    }

    private static Set<String> vectorIdsOfTheDoc() {
        String vectors = doc().substring(doc().indexOf("\n## 7."));
        Set<String> ids = matches(VECTOR_ID, vectors);
        Matcher range = RANGE.matcher(vectors);
        while (range.find()) {
            for (int i = Integer.parseInt(range.group(2)); i <= Integer.parseInt(range.group(3)); i++) {
                ids.add(range.group(1) + i);
            }
        }
        return ids;
    }

    private interface CitingFileVisitor {
        void visit(Path file, String text);
    }

    /** Sources, READMEs and launchers: everything a reader follows a citation from (not data files or results). */
    private static void forEachCitingFile(CitingFileVisitor visitor) {
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(Files::isRegularFile)
                    .filter(ProtocolDocTest::inSources)
                    .filter(p -> !p.equals(DOC))
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".java") || name.endsWith(".md") || p.getParent().endsWith("bin");
                    })
                    .forEach(p -> visitor.visit(p, read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inSources(Path p) {
        String rel = ROOT.relativize(p).toString();
        return !rel.startsWith(".") && !rel.contains("/target/") && !rel.startsWith("target/")
                && !rel.startsWith("benchmarks/results/") && !rel.startsWith("logs/") && !rel.contains("/.");
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String doc() {
        return read(DOC);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/protocol.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/protocol.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
