package io.flinkharness.data;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounded out-of-orderness: a fraction of the records arrive later than their event time says, by up to
 * {@code maxDelay}. No record ever arrives more than {@code maxDelay} behind the largest event time before it.
 *
 * @param maxDelay the largest displacement in event time
 * @param fraction the share of records displaced, in [0, 1]; the count is rounded to the nearest record
 */
public record Disorder(Duration maxDelay, double fraction) {
    public Disorder {
        Objects.requireNonNull(maxDelay, "maxDelay cannot be null");
        if (maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("out-of-order maxDelay must be positive, got " + maxDelay);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("out-of-order fraction must be in [0, 1], got " + fraction);
        }
    }

    public static Disorder none() {
        return new Disorder(Duration.ofMillis(1), 0);
    }
}
