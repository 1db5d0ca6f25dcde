package dev.summonersim.bench.report;

import dev.summonersim.bench.ProducerRate;
import dev.summonersim.bench.StrategySpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Renders the PNG charts from the results; a chart whose benchmark has not been run is skipped. */
public final class ChartRenderer {

    public static final String EMISSION = "emission-rate.png";
    public static final String LATENCY = "token-latency.png";
    public static final String IDLE = "idle-cost.png";
    public static final String RELAY = "relay-throughput.png";

    /** Log axes cannot show zero: values below this are drawn at it, and the axis title says so. */
    private static final double LOG_FLOOR = 0.1;
    private static final double LATENCY_FLOOR_MS = 0.01;

    private final Path dir;

    public ChartRenderer(Path dir) {
        this.dir = dir;
    }

    /** Renders every chart it has data for; returns the file names written. */
    public List<String> renderAll(SuiteResults results) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> written = new ArrayList<>();
        if (!results.emission().isEmpty()) {
            BitmapEncoder.saveBitmap(emissionChart(results.emission()), path(EMISSION), BitmapEncoder.BitmapFormat.PNG);
            written.add(EMISSION);
        }
        if (!results.latency().isEmpty()) {
            BitmapEncoder.saveBitmap(latencyChart(results.latency()), path(LATENCY), BitmapEncoder.BitmapFormat.PNG);
            written.add(LATENCY);
        }
        if (!results.idle().isEmpty()) {
            BitmapEncoder.saveBitmap(List.of(idleWakeupsChart(results.idle()), idleCpuChart(results.idle())), 1, 2,
                    path(IDLE), BitmapEncoder.BitmapFormat.PNG);
            written.add(IDLE);
        }
        List<RelayRow> unpaced = results.relay().stream()
                .filter(r -> !Double.isNaN(r.scenario().minDeliveriesPerSecond)).toList();
        if (!unpaced.isEmpty()) {
            BitmapEncoder.saveBitmap(relayChart(unpaced), path(RELAY), BitmapEncoder.BitmapFormat.PNG);
            written.add(RELAY);
        }
        return written;
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    static XYChart emissionChart(List<EmissionRow> rows) {
        XYChart chart = new XYChartBuilder().width(1200).height(600)
                .title("Emission rate against polling interval (events/s at the receiving socket)")
                .xAxisTitle("polling interval (ms, log)").yAxisTitle("events/s (log)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(7);

        double[] ideal = {1, 2, 5, 10, 20, 50, 100};
        double[] idealRate = new double[ideal.length];
        for (int i = 0; i < ideal.length; i++) {
            idealRate[i] = 1000.0 / ideal[i];
        }
        XYSeries theory = chart.addSeries("theoretical 1/interval", ideal, idealRate);
        theory.setLineStyle(SeriesLines.DASH_DASH);
        theory.setMarker(SeriesMarkers.NONE);
        XYSeries sdkTarget = chart.addSeries("target for timeout/blocking", new double[] {1, 100},
                new double[] {Targets.SDK_MIN_EVENTS_PER_SECOND, Targets.SDK_MIN_EVENTS_PER_SECOND});
        sdkTarget.setLineStyle(SeriesLines.DASH_DASH);
        sdkTarget.setMarker(SeriesMarkers.NONE);

        Map<ProducerRate, List<EmissionRow>> byRate = new LinkedHashMap<>();
        for (EmissionRow r : rows) {
            byRate.computeIfAbsent(r.rate(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<ProducerRate, List<EmissionRow>> e : byRate.entrySet()) {
            List<EmissionRow> polling = e.getValue().stream()
                    .filter(r -> r.strategy().kind() == StrategySpec.Kind.POLLING && r.strategy().millis() > 0)
                    .toList();
            if (!polling.isEmpty()) {
                XYSeries s = chart.addSeries("polling, producer " + label(e.getKey()),
                        polling.stream().mapToDouble(r -> r.strategy().millis()).toArray(),
                        polling.stream().mapToDouble(EmissionRow::eventsPerSecond).toArray());
                s.setMarker(SeriesMarkers.CIRCLE);
            }
            // Strategies without an interval are flat lines across the axis, for comparison.
            for (EmissionRow r : e.getValue()) {
                if (r.strategy().kind() != StrategySpec.Kind.POLLING && r.rate().isUnbounded()) {
                    XYSeries s = chart.addSeries(r.strategy() + ", producer unbounded", new double[] {1, 100},
                            new double[] {r.eventsPerSecond(), r.eventsPerSecond()});
                    s.setMarker(SeriesMarkers.NONE);
                    s.setLineStyle(SeriesLines.DOT_DOT);
                }
            }
        }
        return chart;
    }

    static CategoryChart latencyChart(List<LatencyRow> rows) {
        CategoryChart chart = categoryChart("Added latency per token (queued -> read from the socket)", "strategy",
                "ms (log; below " + LATENCY_FLOOR_MS + " = no bar)", 1000);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(LATENCY_FLOOR_MS); // bars on a log axis need a positive base
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<String> x = rows.stream().map(r -> r.strategy().toString()).toList();
        chart.addSeries("p50", x, rows.stream().map(r -> (Number) floor(r.p50Micros() / 1000, LATENCY_FLOOR_MS)).toList());
        chart.addSeries("p99", x, rows.stream().map(r -> (Number) floor(r.p99Micros() / 1000, LATENCY_FLOOR_MS)).toList());
        chart.addSeries("max", x, rows.stream().map(r -> (Number) floor(r.maxMicros() / 1000, LATENCY_FLOOR_MS)).toList());
        return chart;
    }

    static CategoryChart idleWakeupsChart(List<IdleRow> rows) {
        CategoryChart chart = categoryChart("Idle wake-ups per second (blocking: 0; polling:0 spins)", "strategy",
                "wake-ups/s (log; 0 = no bar)", 800);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(LOG_FLOOR);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        List<String> x = rows.stream().map(r -> r.strategy().toString()).toList();
        chart.addSeries("measured", x, rows.stream().map(r -> (Number) floor(r.wakeupsPerSecond())).toList());
        // polling:0 spins: no finite expectation, so no expected bar.
        chart.addSeries("expected", x, rows.stream()
                .map(r -> (Number) floor(finiteOr(r.strategy().expectedIdleWakeupsPerSecond(), LOG_FLOOR)))
                .toList());
        return chart;
    }

    static CategoryChart idleCpuChart(List<IdleRow> rows) {
        CategoryChart chart = categoryChart("Idle CPU time of the client's send threads", "strategy",
                "CPU ms per s (log; below " + LOG_FLOOR + " = no bar)", 800);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(LOG_FLOOR);
        chart.getStyler().setLegendVisible(false);
        List<String> x = rows.stream().map(r -> r.strategy().toString()).toList();
        chart.addSeries("CPU ms/s", x, rows.stream().map(r -> (Number) floor(r.cpuMillisPerSecond())).toList());
        return chart;
    }

    private static CategoryChart categoryChart(String title, String xTitle, String yTitle, int width) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(600).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLabelRotation(40);
        return chart;
    }

    static CategoryChart relayChart(List<RelayRow> rows) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(600)
                .title("Relay delivered lines/s (200-byte lines, in-process relay, loopback)")
                .xAxisTitle("scenario").yAxisTitle("delivered lines/s").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<String> x = rows.stream().map(r -> r.scenario().name()).toList();
        chart.addSeries("measured", x, rows.stream().map(r -> (Number) r.deliveriesPerSecond()).toList());
        chart.addSeries("target (Rust reference)", x,
                rows.stream().map(r -> (Number) r.scenario().minDeliveriesPerSecond).toList());
        chart.addSeries("Python reference", x,
                rows.stream().map(r -> (Number) r.scenario().pythonDeliveriesPerSecond).toList());
        return chart;
    }

    private static String label(ProducerRate rate) {
        return rate.isUnbounded() ? "unbounded" : rate + "/s";
    }

    private static double floor(double v) {
        return floor(v, LOG_FLOOR);
    }

    private static double floor(double v, double min) {
        return Double.isNaN(v) ? min : Math.max(v, min);
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isInfinite(v) ? fallback : v;
    }
}
