package io.flinkharness.diagnosis.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How diagnoses write times: instants in ISO-8601 UTC, durations short. Not part of the public API. */
final class Times {
    private Times() {
    }

    static String at(Optional<Instant> instant) {
        return instant.map(Times::at).orElse("-inf (no watermark yet)");
    }

    static String at(Instant instant) {
        return instant.toString();
    }

    static String of(Duration d) {
        if (d.isZero()) {
            return "0 ms";
        }
        if (d.toMillis() % 3_600_000 == 0) {
            return d.toHours() + " h";
        }
        if (d.toMillis() % 60_000 == 0) {
            return d.toMinutes() + " min";
        }
        if (d.toMillis() % 1000 == 0) {
            return d.toSeconds() + " s";
        }
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
