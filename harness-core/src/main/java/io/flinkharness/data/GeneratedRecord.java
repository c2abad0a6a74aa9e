package io.flinkharness.data;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One generated record: its fields, its Kafka key fields (if the schema has key fields) and its label. The label is
 * kept compact and built when asked for, so generating millions of records stays cheap.
 */
public final class GeneratedRecord {
    private static final long NONE = Long.MIN_VALUE;

    private final Struct value;
    private final List<String> keyFields;
    private final long eventMillis;
    private final long arrival;
    private final long positionInPartition;
    private final long duplicateOf;
    private final long lowestWatermark;
    private final long highestWatermark;
    private final int partition;
    private final RecordLabel.Origin origin;
    private final Lateness lateness;
    private final boolean displaced;

    /**
     * @param duplicateOf arrival of the original, or -1
     * @param lowestWatermark epoch millis, or Long.MIN_VALUE for no watermark
     * @param highestWatermark epoch millis, or Long.MIN_VALUE for no watermark
     */
    public GeneratedRecord(Struct value, List<String> keyFields, long eventMillis, long arrival, int partition,
            long positionInPartition, RecordLabel.Origin origin, long duplicateOf, boolean displaced,
            Lateness lateness, long lowestWatermark, long highestWatermark) {
        this.value = Objects.requireNonNull(value, "value cannot be null");
        this.keyFields = keyFields;
        this.eventMillis = eventMillis;
        this.arrival = arrival;
        this.partition = partition;
        this.positionInPartition = positionInPartition;
        this.origin = origin;
        this.duplicateOf = duplicateOf;
        this.displaced = displaced;
        this.lateness = lateness;
        this.lowestWatermark = lowestWatermark;
        this.highestWatermark = highestWatermark;
    }

    /** Every field of the record, in schema order. */
    public Struct value() {
        return value;
    }

    /** The key fields, if the schema declares any. */
    public Optional<Struct> key() {
        return keyFields.isEmpty() ? Optional.empty() : Optional.of(value.project(keyFields));
    }

    /** Event time, partition, arrival order, origin and lateness. */
    public RecordLabel label() {
        return new RecordLabel(arrival, eventTime(), partition, positionInPartition, origin,
                duplicateOf < 0 ? OptionalLong.empty() : OptionalLong.of(duplicateOf), displaced, lateness,
                lateness == Lateness.UNKNOWN ? WatermarkBounds.none()
                        : new WatermarkBounds(instant(lowestWatermark), instant(highestWatermark)));
    }

    public Instant eventTime() {
        return Instant.ofEpochMilli(eventMillis);
    }

    public int partition() {
        return partition;
    }

    public Lateness lateness() {
        return lateness;
    }

    public RecordLabel.Origin origin() {
        return origin;
    }

    private static Optional<Instant> instant(long millis) {
        return millis == NONE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeneratedRecord r && value.equals(r.value) && label().equals(r.label());
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, arrival, eventMillis, partition);
    }

    @Override
    public String toString() {
        return "GeneratedRecord[" + value + ", " + label() + "]";
    }
}
