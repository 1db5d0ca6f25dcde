package dev.summonersim.bench.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the report shows, read back from a results directory. */
public record SuiteResults(List<EmissionRow> emission, List<LatencyRow> latency, List<IdleRow> idle,
                           List<EndToEndRow> endToEnd, List<RelayRow> relay, Map<String, Map<String, Object>> runInfo) {

    public static SuiteResults load(Path dir) throws IOException {
        ResultFiles files = new ResultFiles(dir);
        Map<String, Map<String, Object>> info = new LinkedHashMap<>();
        for (String name : List.of(EmissionRow.BENCHMARK, LatencyRow.BENCHMARK, IdleRow.BENCHMARK,
                EndToEndRow.BENCHMARK, RelayRow.BENCHMARK)) {
            Map<String, Object> i = files.readRunInfo(name);
            if (!i.isEmpty()) {
                info.put(name, i);
            }
        }
        return new SuiteResults(
                EmissionRow.from(files.load(EmissionRow.BENCHMARK)),
                LatencyRow.from(files.load(LatencyRow.BENCHMARK)),
                IdleRow.from(files.load(IdleRow.BENCHMARK)),
                EndToEndRow.from(files.load(EndToEndRow.BENCHMARK)),
                RelayRow.from(files.load(RelayRow.BENCHMARK)),
                info);
    }
}
