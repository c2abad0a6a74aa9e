package io.flinkharness.cli.report;

import io.flinkharness.data.DeclaredWatermark;
import io.flinkharness.data.Lateness;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.internal.Durations;
import io.flinkharness.kafka.TestRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns a topic's explicit records into points of the input picture. The event time is read from the record
 * ({@link EventTimes}); the watermark on arrival is computed from the source table's declared delay (the largest
 * event time produced before the record, minus the delay) only when the topic has one partition, because with
 * more the watermark depends on how the source interleaves the partitions.
 */
final class ExplicitInput {
    private final String topic;
    private final int partitions;
    private final Optional<RecordSchema> table;

    ExplicitInput(String topic, int partitions, Optional<RecordSchema> table) {
        this.topic = topic;
        this.partitions = partitions;
        this.table = table;
    }

    /**
     * Appends a point per record to {@code points}, after the records produced before them, and what the picture
     * cannot show to {@code notes}.
     */
    void append(List<TestRecord> records, List<InputPoint> points, List<String> notes) {
        EventTimes times = new EventTimes(table.flatMap(RecordSchema::eventTimeField));
        Optional<DeclaredWatermark> watermark = watermark(notes);
        Optional<Instant> largest = points.stream().map(InputPoint::eventTime).max(Instant::compareTo);
        for (TestRecord r : records) {
            Instant eventTime = times.of(r);
            Optional<Instant> before = largest;
            Optional<Instant> on = watermark.flatMap(w -> before.map(t -> t.minus(w.delay())));
            points.add(new InputPoint(points.size(), eventTime, partition(r), on, on,
                    lateness(eventTime, on, watermark), "explicit"));
            largest = largest.filter(t -> t.isAfter(eventTime)).or(() -> Optional.of(eventTime));
        }
        times.note(records.size()).ifPresent(notes::add);
    }

    /** The watermark to compute, or empty with a note saying why none is drawn. */
    private Optional<DeclaredWatermark> watermark(List<String> notes) {
        if (table.isEmpty()) {
            notes.add("no CREATE TABLE in the DDL reads topic '" + topic + "' ('topic' = '${topic." + topic
                    + "}'): the records are drawn at their Kafka timestamps and no watermark is drawn");
            return Optional.empty();
        }
        Optional<DeclaredWatermark> declared = table.get().watermark();
        if (declared.isEmpty()) {
            notes.add(table.get().description() + " declares no WATERMARK: no watermark is drawn, no record is late");
        } else if (partitions > 1) {
            notes.add("topic '" + topic + "' has " + partitions + " partitions: the watermark at each arrival"
                    + " depends on how the source interleaves them, so no watermark line is drawn for the explicit"
                    + " records and none is marked late");
            return Optional.empty();
        } else if (declared.get().emission() == DeclaredWatermark.Emission.PERIODIC) {
            notes.add("the watermark is drawn as if emitted after every record (largest event time so far - "
                    + Durations.show(declared.get().delay()) + "); the table emits it periodically, so a record"
                    + " below it is late only if a watermark was emitted in time (set"
                    + " 'scan.watermark.emit.strategy' = 'on-event' to make it follow the records)");
        }
        return declared;
    }

    private OptionalInt partition(TestRecord r) {
        return partitions == 1 ? OptionalInt.of(0) : r.partition();
    }

    private static Lateness lateness(Instant eventTime, Optional<Instant> watermark,
            Optional<DeclaredWatermark> declared) {
        if (declared.isEmpty()) {
            return Lateness.UNKNOWN;
        }
        if (watermark.isEmpty() || eventTime.isAfter(watermark.get())) {
            return Lateness.ON_TIME;
        }
        return declared.get().emission() == DeclaredWatermark.Emission.ON_EVENT ? Lateness.LATE
                : Lateness.DEPENDS_ON_EMISSION_TIMING;
    }
}
