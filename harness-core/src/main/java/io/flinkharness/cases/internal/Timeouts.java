package io.flinkharness.cases.internal;

import io.flinkharness.internal.Durations;
import java.time.Duration;

/** Parses a case's {@code timeout}: {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h} or ISO {@code PT1M}. */
final class Timeouts {
    private static final String FIX = "write a positive number with a unit: 500ms, 60s, 2m";

    private Timeouts() {
    }

    static Duration parse(String text, Problems problems) {
        return parse("timeout", text, problems);
    }

    /** The positive duration at {@code path}, e.g. {@code run.timeout}. */
    static Duration parse(String path, String text, Problems problems) {
        Duration d = Durations.parseOrNull(text);
        if (d == null) {
            throw problems.atValue(path, "'" + text + "' is not a duration", FIX);
        }
        if (d.isZero() || d.isNegative()) {
            throw problems.atValue(path, "must be positive, got '" + text + "'", FIX);
        }
        return d;
    }
}
