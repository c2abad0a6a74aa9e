package io.flinkharness.data;

import java.time.Duration;
import java.util.Objects;

/**
 * Copies of earlier records (same key and values), as an at-least-once producer or an upstream replay makes them.
 * Each copy arrives after its original, within {@code maxGap} records, in the same partition.
 *
 * @param count how many duplicates; if negative, {@code fraction} of the generated records is used
 * @param fraction the share of records duplicated when {@code count} is negative, in [0, 1]
 * @param shift added to the copy's event time (zero: the same timestamp)
 * @param maxGap the copy arrives at most this many records after the original; at least 1
 */
public record Duplicates(int count, double fraction, Duration shift, int maxGap) {
    public Duplicates {
        Objects.requireNonNull(shift, "shift cannot be null");
        if (count < 0 && !(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("duplicate fraction must be in [0, 1], got " + fraction);
        }
        if (maxGap < 1) {
            throw new IllegalArgumentException("duplicate maxGap must be at least 1, got " + maxGap);
        }
    }

    public static Duplicates count(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("duplicate count cannot be negative, got " + count);
        }
        return new Duplicates(count, 0, Duration.ZERO, 10);
    }

    public static Duplicates fraction(double fraction) {
        return new Duplicates(-1, fraction, Duration.ZERO, 10);
    }

    public Duplicates shiftedBy(Duration by) {
        return new Duplicates(count, fraction, by, maxGap);
    }

    public Duplicates withinRecords(int gap) {
        return new Duplicates(count, fraction, shift, gap);
    }

    /** The number of duplicates for {@code generated} base records. */
    public int countFor(int generated) {
        return count >= 0 ? count : (int) Math.round(fraction * generated);
    }
}
