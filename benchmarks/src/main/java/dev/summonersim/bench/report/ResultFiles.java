package dev.summonersim.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files one benchmark class leaves in the results directory: {@code <Class>.json} (JMH's JSON result format)
 * and {@code <Class>.derived.jsonl} (side channel, see {@code DerivedMetrics}).
 */
public final class ResultFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public ResultFiles(Path dir) {
        this.dir = dir;
    }

    public Path jmhJson(String simpleClassName) {
        return dir.resolve(simpleClassName + ".json");
    }

    public Path derivedJsonl(String simpleClassName) {
        return dir.resolve(simpleClassName + ".derived.jsonl");
    }

    public Path runInfoJson(String simpleClassName) {
        return dir.resolve(simpleClassName + ".run.json");
    }

    /** When and how a class was last run into this directory (profile, start and end time, machine). */
    public void writeRunInfo(String simpleClassName, Map<String, Object> info) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(runInfoJson(simpleClassName).toFile(), info);
    }

    public Map<String, Object> readRunInfo(String simpleClassName) throws IOException {
        Path file = runInfoJson(simpleClassName);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        return JSON.readValue(file.toFile(),
                JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
    }

    /** Results of one class, empty when it has not been run into this directory. */
    public List<BenchResult> load(String simpleClassName) throws IOException {
        Path jmh = jmhJson(simpleClassName);
        if (!Files.isRegularFile(jmh)) {
            return List.of();
        }
        List<JsonNode> derived = readDerived(derivedJsonl(simpleClassName));
        List<BenchResult> results = new ArrayList<>();
        for (JsonNode run : JSON.readTree(jmh.toFile())) {
            String fqMethod = run.path("benchmark").asText();
            Map<String, String> params = stringMap(run.path("params"));
            JsonNode primary = run.path("primaryMetric");
            Map<String, Double> secondary = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : run.path("secondaryMetrics").properties()) {
                secondary.put(e.getKey(), e.getValue().path("score").asDouble(Double.NaN));
            }
            Map<String, Object> metrics = Map.of();
            for (JsonNode d : derived) {
                // The last record of a combination wins: a re-run appends after an older one only if the file was kept.
                if (d.path("benchmark").asText().equals(fqMethod) && stringMap(d.path("params")).equals(params)) {
                    metrics = JSON.convertValue(d.path("metrics"), JSON.getTypeFactory()
                            .constructMapType(LinkedHashMap.class, String.class, Object.class));
                }
            }
            int dot = fqMethod.lastIndexOf('.');
            String cls = fqMethod.substring(0, dot);
            results.add(new BenchResult(cls.substring(cls.lastIndexOf('.') + 1), fqMethod.substring(dot + 1), params,
                    primary.path("score").asDouble(Double.NaN), primary.path("scoreUnit").asText(), secondary, metrics));
        }
        return results;
    }

    private static List<JsonNode> readDerived(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }
}
