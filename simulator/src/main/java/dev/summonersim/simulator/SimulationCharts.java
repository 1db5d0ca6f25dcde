package dev.summonersim.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's PNG charts. */
final class SimulationCharts {

    static final String LATENCY_CDF = "token-latency-cdf.png";
    static final String EVENTS_OVER_TIME = "events-per-second.png";
    static final String CPU_VS_POPULATION = "cpu-vs-population.png";
    static final String DELIVERIES_VS_POPULATION = "deliveries-vs-population.png";
    /** Log axes cannot show zero. */
    private static final double FLOOR_MS = 0.01;

    private final SimulationReport report;

    SimulationCharts(SimulationReport report) {
        this.report = report;
    }

    List<String> render(Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> written = new ArrayList<>();
        save(latencyCdf(), dir, LATENCY_CDF, written);
        save(eventsOverTime(), dir, EVENTS_OVER_TIME, written);
        save(cpuVsPopulation(), dir, CPU_VS_POPULATION, written);
        if (report.populations().size() > 1) {
            save(deliveriesVsPopulation(), dir, DELIVERIES_VS_POPULATION, written);
        }
        return written;
    }

    private static void save(XYChart chart, Path dir, String name, List<String> written) throws IOException {
        if (chart.getSeriesMap().isEmpty()) {
            return;
        }
        BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        written.add(name);
    }

    private XYChart latencyCdf() {
        List<RunResult> runs = report.headline();
        XYChart chart = new XYChartBuilder().width(1000).height(560)
                .title("Token latency, stub write to listener read (" + runs.get(0).agents() + " agents, "
                        + runs.get(0).listeners() + " listeners)")
                .xAxisTitle("latency (ms, log)").yAxisTitle("share of tokens at or below (%)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setMarkerSize(5);
        for (RunResult r : runs) {
            if (r.latencyCdf().isEmpty()) {
                continue;
            }
            double[] x = r.latencyCdf().stream().mapToDouble(p -> Math.max(FLOOR_MS, p[1])).toArray();
            double[] y = r.latencyCdf().stream().mapToDouble(p -> p[0]).toArray();
            chart.addSeries(r.strategy(), x, y);
        }
        return chart;
    }

    private XYChart eventsOverTime() {
        List<RunResult> runs = report.headline();
        XYChart chart = new XYChartBuilder().width(1000).height(500)
                .title("Stream events delivered to listeners per second (" + runs.get(0).agents() + " agents, "
                        + runs.get(0).listeners() + " listeners)")
                .xAxisTitle("time since the first prompt (s)").yAxisTitle("events/s (all listeners)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (RunResult r : runs) {
            if (r.eventsPerSecond().isEmpty()) {
                continue;
            }
            double[] x = new double[r.eventsPerSecond().size()];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
                y[i] = r.eventsPerSecond().get(i);
            }
            chart.addSeries(r.strategy(), x, y).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Log-log, with the N^2 line through the smallest population's mean, so the slope can be read off. */
    private XYChart deliveriesVsPopulation() {
        XYChart chart = new XYChartBuilder().width(1000).height(560)
                .title("Relay deliveries to all clients per second against the population (measured window)")
                .xAxisTitle("stream agents (log)").yAxisTitle("deliveries/s (log)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(8);
        List<Integer> populations = report.populations();
        for (String s : report.strategies()) {
            List<RunResult> rows = report.runs().stream().filter(r -> r.strategy().equals(s)).toList();
            double[] x = rows.stream().mapToDouble(RunResult::agents).toArray();
            double[] y = rows.stream().mapToDouble(r -> Math.max(1, r.deliveries().allClientsPerSecond())).toArray();
            chart.addSeries(String.format(java.util.Locale.ROOT, "%s (exponent %.2f)", s,
                    report.exponent(s, Deliveries::allClientsPerSecond)), x, y);
        }
        int n0 = populations.get(0);
        double y0 = report.runs().stream().filter(r -> r.agents() == n0)
                .mapToDouble(r -> r.deliveries().allClientsPerSecond()).average().orElse(1);
        double[] x = populations.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] ref = populations.stream().mapToDouble(n -> Math.max(1, y0 * Math.pow((double) n / n0, 2))).toArray();
        chart.addSeries("N^2 reference", x, ref).setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private XYChart cpuVsPopulation() {
        XYChart chart = new XYChartBuilder().width(1000).height(560)
                .title("CPU per strategy against the population (measured window)")
                .xAxisTitle("stream agents").yAxisTitle("CPU seconds").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(7);
        for (String s : report.strategies()) {
            List<RunResult> rows = report.runs().stream().filter(r -> r.strategy().equals(s)).toList();
            double[] x = rows.stream().mapToDouble(RunResult::agents).toArray();
            chart.addSeries(s + " agents", x, rows.stream().mapToDouble(r -> r.cpu(CpuSampler.Part.AGENTS)).toArray());
            chart.addSeries(s + " relay", x, rows.stream().mapToDouble(r -> r.cpu(CpuSampler.Part.RELAY)).toArray());
        }
        return chart;
    }
}
