package dev.summonersim.bench;

/** A producer token rate as written in a {@code @Param} value: {@code unbounded} or events per second. */
public record ProducerRate(double perSecond) {

    public static final ProducerRate UNBOUNDED = new ProducerRate(Double.POSITIVE_INFINITY);

    public ProducerRate {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("producer rate must be > 0 events/s: " + perSecond);
        }
    }

    public static ProducerRate parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("unbounded")) {
            return UNBOUNDED;
        }
        try {
            return new ProducerRate(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("producer rate '" + text + "' (expected: unbounded or events/s)", e);
        }
    }

    public boolean isUnbounded() {
        return Double.isInfinite(perSecond);
    }

    @Override
    public String toString() {
        return isUnbounded() ? "unbounded" : String.valueOf((long) perSecond);
    }
}
