package io.flinkharness.data;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the generator knows about one record, for assertions and oracles: when it happened, where and in which order
 * it was produced, why it is there, and whether Flink will see it as late.
 *
 * @param arrival 0-based position in produce order over all partitions
 * @param eventTime the record's event time (also its Kafka timestamp)
 * @param partition the partition it is produced to
 * @param positionInPartition 0-based position within its partition (its offset in a fresh topic)
 * @param origin why the record exists
 * @param duplicateOf for a duplicate, the arrival position of the original
 * @param displaced whether out-of-orderness moved it later than its event time says
 * @param lateness late or on time with respect to the declared watermark
 * @param watermarkOnArrival the range the watermark can be in when the record arrives
 */
public record RecordLabel(
        long arrival,
        Instant eventTime,
        int partition,
        long positionInPartition,
        Origin origin,
        OptionalLong duplicateOf,
        boolean displaced,
        Lateness lateness,
        WatermarkBounds watermarkOnArrival) {

    /** Why a record exists. */
    public enum Origin {
        /** Generated from the rules. */
        GENERATED,
        /** Given explicitly by the test. */
        EXPLICIT,
        /** A copy of an earlier record. */
        DUPLICATE,
        /** Added behind the watermark on purpose. */
        LATE,
        /** Appended to move the watermark past the last window. */
        TRAILING
    }

    public RecordLabel {
        Objects.requireNonNull(eventTime, "eventTime cannot be null");
        Objects.requireNonNull(origin, "origin cannot be null");
        Objects.requireNonNull(duplicateOf, "duplicateOf cannot be null");
        Objects.requireNonNull(lateness, "lateness cannot be null");
        Objects.requireNonNull(watermarkOnArrival, "watermarkOnArrival cannot be null");
    }

    public boolean isDuplicate() {
        return origin == Origin.DUPLICATE;
    }
}
