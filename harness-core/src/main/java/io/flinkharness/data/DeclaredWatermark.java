package io.flinkharness.data;

import java.time.Duration;
import java.util.Objects;

/**
 * The watermark strategy the table under test declares, which decides which generated records are late:
 * {@code WATERMARK FOR ts AS ts - INTERVAL '5' SECOND} is {@code DeclaredWatermark.delay(Duration.ofSeconds(5))}.
 * Flink SQL's watermark is the largest event time seen minus the delay; a record whose event time is at or below
 * the current watermark is late.
 *
 * <p>When the watermark is emitted matters: with {@link Emission#ON_EVENT}
 * ({@code 'scan.watermark.emit.strategy' = 'on-event'}) it follows the records, so lateness can be known in
 * advance; with {@link Emission#PERIODIC} (Flink's default, every 200 ms of processing time) it lags by an
 * unknown amount, so a record behind the watermark is labelled {@link Lateness#DEPENDS_ON_EMISSION_TIMING}.
 *
 * @param delay how far the watermark trails the largest event time seen; zero or positive
 * @param emission when the source emits watermarks
 */
public record DeclaredWatermark(Duration delay, Emission emission) {

    /** When a source emits its watermark. */
    public enum Emission {
        /** After every record ({@code 'scan.watermark.emit.strategy' = 'on-event'}). */
        ON_EVENT,
        /** Every {@code pipeline.auto-watermark-interval} of processing time (Flink's default). */
        PERIODIC
    }

    public DeclaredWatermark {
        Objects.requireNonNull(delay, "delay cannot be null");
        Objects.requireNonNull(emission, "emission cannot be null");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("watermark delay cannot be negative, got " + delay);
        }
    }

    /** A watermark {@code delay} behind the largest event time, emitted periodically (Flink's default). */
    public static DeclaredWatermark delay(Duration delay) {
        return new DeclaredWatermark(delay, Emission.PERIODIC);
    }

    public DeclaredWatermark onEvent() {
        return new DeclaredWatermark(delay, Emission.ON_EVENT);
    }

    public DeclaredWatermark withEmission(Emission e) {
        return new DeclaredWatermark(delay, e);
    }
}
