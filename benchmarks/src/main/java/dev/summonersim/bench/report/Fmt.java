package dev.summonersim.bench.report;

import java.util.Locale;

/** Number formatting for the Markdown summary. */
final class Fmt {

    private Fmt() {
    }

    static String count(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return "∞";
        }
        if (v == Math.rint(v) || v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /** Microseconds shown in ms with enough digits for sub-millisecond values. */
    static String millis(double micros) {
        if (Double.isNaN(micros)) {
            return "n/a";
        }
        double ms = micros / 1000.0;
        return ms < 1 ? String.format(Locale.ROOT, "%.3f", ms) : String.format(Locale.ROOT, "%.2f", ms);
    }

    static String micros(double micros) {
        return Double.isNaN(micros) ? "n/a" : String.format(Locale.ROOT, "%.2f", micros);
    }

    static String verdict(Boolean met) {
        return met == null ? "–" : met ? "met" : "**missed**";
    }
}
