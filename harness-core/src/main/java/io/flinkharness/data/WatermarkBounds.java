package io.flinkharness.data;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The range the source watermark can be in when a record arrives, given the declared watermark and every way Flink
 * may interleave the partitions. Empty ends mean "no watermark yet" (Long.MIN_VALUE in Flink).
 *
 * @param lowest the lowest watermark the record may meet
 * @param highest the highest watermark the record may meet
 */
public record WatermarkBounds(Optional<Instant> lowest, Optional<Instant> highest) {
    public WatermarkBounds {
        Objects.requireNonNull(lowest, "lowest cannot be null");
        Objects.requireNonNull(highest, "highest cannot be null");
    }

    public static WatermarkBounds none() {
        return new WatermarkBounds(Optional.empty(), Optional.empty());
    }

    /** Whether the watermark is certainly at or past {@code t} when the record arrives. */
    public boolean surelyAtOrPast(Instant t) {
        return lowest.isPresent() && !lowest.get().isBefore(t);
    }

    /** Whether the watermark may be at or past {@code t} when the record arrives. */
    public boolean possiblyAtOrPast(Instant t) {
        return highest.isPresent() && !highest.get().isBefore(t);
    }

    @Override
    public String toString() {
        return "[" + lowest.map(Instant::toString).orElse("-inf") + ", "
                + highest.map(Instant::toString).orElse("-inf") + "]";
    }
}
