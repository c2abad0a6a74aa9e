package io.flinkharness.oracle.internal;

import java.time.Duration;

/** Durations as the whole milliseconds Flink's windows work in, and written for people. Not part of the public API. */
public final class Millis {
    private Millis() {
    }

    /**
     * The duration in milliseconds.
     *
     * @param what the parameter, for the message ({@code "TUMBLE size"})
     * @throws IllegalArgumentException if it is null, or not whole milliseconds
     */
    public static long of(Duration d, String what) {
        if (d == null) {
            throw new IllegalArgumentException(what + " cannot be null");
        }
        if (d.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(what + " must be whole milliseconds, as Flink's windows are, got " + d);
        }
        return d.toMillis();
    }

    /** {@code 10 s}, {@code 1500 ms}, {@code 5 min}, {@code 2 h}, {@code 1 d}. */
    public static String text(long millis) {
        long abs = Math.abs(millis);
        if (abs == 0) {
            return "0 s";
        }
        if (abs % 86_400_000 == 0) {
            return millis / 86_400_000 + " d";
        }
        if (abs % 3_600_000 == 0) {
            return millis / 3_600_000 + " h";
        }
        if (abs % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        if (abs % 1_000 == 0) {
            return millis / 1_000 + " s";
        }
        return millis + " ms";
    }
}
