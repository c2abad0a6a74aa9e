package io.flinkharness.data;

import java.time.Duration;
import java.util.Objects;

/**
 * Records that arrive behind the declared watermark: {@code new LateRecords(5, Duration.ofSeconds(30))} adds five
 * records whose event time is 30 s below the watermark at the moment they arrive (in produce order). Needs a
 * declared watermark.
 *
 * @param count how many late records to add
 * @param behindWatermark how far behind the watermark each one is; positive
 */
public record LateRecords(int count, Duration behindWatermark) {
    public LateRecords {
        Objects.requireNonNull(behindWatermark, "behindWatermark cannot be null");
        if (count < 0) {
            throw new IllegalArgumentException("late record count cannot be negative, got " + count);
        }
        if (behindWatermark.isNegative()) {
            throw new IllegalArgumentException("late records must be behind the watermark by zero or more, got "
                    + behindWatermark);
        }
    }
}
