package io.flinkharness.oracle.internal;

import java.time.Instant;

/**
 * One window, {@code [start, end)} in epoch milliseconds. Flink fires it when the watermark reaches
 * {@code end - 1} ({@code TimeWindowUtil.isWindowFired}). Not part of the public API.
 */
public record Window(long start, long end) implements Comparable<Window> {

    /** The watermark at which Flink fires the window. */
    public Instant firesAt() {
        return Instant.ofEpochMilli(end - 1);
    }

    @Override
    public int compareTo(Window o) {
        int byStart = Long.compare(start, o.start);
        return byStart != 0 ? byStart : Long.compare(end, o.end);
    }

    @Override
    public String toString() {
        return "[" + Instant.ofEpochMilli(start) + ", " + Instant.ofEpochMilli(end) + ")";
    }
}
