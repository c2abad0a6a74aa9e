package io.flinkharness.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Records appended after all others, one per non-idle partition, that move the declared watermark far enough for
 * the last window to fire when the job runs unbounded. They are real rows (labelled trailing): the query sees them,
 * in windows that stay open.
 *
 * @param windowSize if present, push the watermark to the end of the window (of this size, aligned to the epoch)
 *     holding the largest event time
 * @param watermarkAtLeast if present, push the watermark to at least this instant
 */
public record Trailing(Optional<Duration> windowSize, Optional<Instant> watermarkAtLeast) {
    public Trailing {
        Objects.requireNonNull(windowSize, "windowSize cannot be null");
        Objects.requireNonNull(watermarkAtLeast, "watermarkAtLeast cannot be null");
        windowSize.ifPresent(s -> {
            if (s.isNegative() || s.isZero()) {
                throw new IllegalArgumentException("window size must be positive, got " + s);
            }
        });
        if (windowSize.isEmpty() && watermarkAtLeast.isEmpty()) {
            throw new IllegalArgumentException("trailing records need a window size or a watermark target");
        }
    }

    /** Fire the window of {@code size} that holds the last event time. */
    public static Trailing pastLastWindow(Duration size) {
        return new Trailing(Optional.of(size), Optional.empty());
    }

    /** Move the watermark to at least {@code target}. */
    public static Trailing watermarkTo(Instant target) {
        return new Trailing(Optional.empty(), Optional.of(target));
    }
}
