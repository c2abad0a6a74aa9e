package io.flinkharness.cli.report;

import io.flinkharness.data.Lateness;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One input record as the input picture draws it.
 *
 * @param arrival 0-based position in produce order over all partitions of the topic
 * @param partition empty when the producer chose it by key
 * @param lowestWatermark the lowest watermark the record can meet on arrival; empty when none or unknown
 * @param highestWatermark the highest watermark the record can meet on arrival; empty when none or unknown
 * @param lateness {@link Lateness#UNKNOWN} when the watermark at its arrival is not known
 * @param origin why the record is there: {@code explicit}, {@code generated}, {@code late}, ...
 */
public record InputPoint(long arrival, Instant eventTime, OptionalInt partition, Optional<Instant> lowestWatermark,
                         Optional<Instant> highestWatermark, Lateness lateness, String origin) {
    public InputPoint {
        Objects.requireNonNull(eventTime, "eventTime cannot be null");
        Objects.requireNonNull(partition, "partition cannot be null");
        Objects.requireNonNull(lowestWatermark, "lowestWatermark cannot be null");
        Objects.requireNonNull(highestWatermark, "highestWatermark cannot be null");
        Objects.requireNonNull(lateness, "lateness cannot be null");
        Objects.requireNonNull(origin, "origin cannot be null");
    }

    /** Late whatever the timing. */
    public boolean late() {
        return lateness == Lateness.LATE;
    }

    /** The watermark on arrival for people: {@code none}, an instant, or {@code between A and B}. */
    public String watermarkText() {
        return lowestWatermark.equals(highestWatermark) ? show(lowestWatermark)
                : "between " + show(lowestWatermark) + " and " + show(highestWatermark);
    }

    private static String show(Optional<Instant> t) {
        return t.map(Instant::toString).orElse("none");
    }

    /** Late or not depending on how partitions interleave or when watermarks are emitted. */
    public boolean maybeLate() {
        return lateness == Lateness.DEPENDS_ON_INTERLEAVING || lateness == Lateness.DEPENDS_ON_EMISSION_TIMING;
    }
}
