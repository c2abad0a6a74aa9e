package io.flinkharness.results.internal;

import java.time.Duration;

/** Durations as people write them: {@code 10s}, {@code 250ms}, {@code 1m30s}, {@code 2h}. Not part of the public API. */
public final class Durations {
    private Durations() {
    }

    public static String show(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative()) {
            return "-" + show(d.negated());
        }
        StringBuilder out = new StringBuilder();
        append(out, d.toDaysPart(), "d");
        append(out, d.toHoursPart(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        append(out, d.toMillisPart(), "ms");
        int micros = d.toNanosPart() % 1_000_000;
        if (micros != 0) {
            append(out, micros / 1000, "us");
            append(out, micros % 1000, "ns");
        }
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(amount).append(unit);
        }
    }
}
