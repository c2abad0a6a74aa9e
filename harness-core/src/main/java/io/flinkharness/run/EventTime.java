package io.flinkharness.run;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.ExplicitRow;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.RecordSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Moves event time of a source table on purpose, by sending heartbeat records: one per chosen partition, with the
 * event time given and the other fields from {@link #withValues} or generated from the table's schema. A
 * partition's watermark follows its newest record (minus the table's watermark delay), and a window fires when
 * the watermark of every partition has passed its end, so heartbeats to every partition close windows that an
 * idle partition would hold open for ever. Immutable.
 *
 * <pre>{@code
 * EventTime clicks = session.eventTime("clicks").withValues(Map.of("user_id", "heartbeat"));
 * clicks.fireWindowEndingAt(Instant.parse("2026-01-01T00:01:00Z"));   // heartbeats at 00:01:00 + delay
 * session.awaitTable("counts").untilWindowFired(Instant.parse("2026-01-01T00:01:00Z"));
 * }</pre>
 *
 * <p>Heartbeats are records like any other: the query reads them. Give them values it filters out or that the
 * assertions tell apart, or expect them in the windows that later heartbeats close.
 */
public final class EventTime {
    private final TestSession session;
    private final String table;
    private final RecordSchema schema;
    private final SessionTopic topic;
    private final Map<String, Object> values;

    EventTime(TestSession session, String table, RecordSchema schema, SessionTopic topic, Map<String, Object> values) {
        this.session = session;
        this.table = table;
        this.schema = schema;
        this.topic = topic;
        this.values = Map.copyOf(values);
    }

    /** The same driver whose heartbeats carry these field values; other fields are generated. */
    public EventTime withValues(Map<String, ?> fieldValues) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(fieldValues);
        return new EventTime(session, table, schema, topic, copy);
    }

    /** The table's watermark delay ({@code WATERMARK FOR ts AS ts - INTERVAL ...}). */
    public Duration watermarkDelay() {
        return schema.watermark().orElseThrow().delay();
    }

    /** The topic the heartbeats go to. */
    public SessionTopic topic() {
        return topic;
    }

    /**
     * Sends one heartbeat with event time {@code eventTime} to every partition of the table's topic: each
     * partition's watermark moves to {@code eventTime} minus the delay (if it was lower).
     */
    public EventTime advanceTo(Instant eventTime) {
        return advanceTo(eventTime, IntStream.range(0, topic.partitions()).toArray());
    }

    /** Sends one heartbeat with event time {@code eventTime} to each of the given partitions only. */
    public EventTime advanceTo(Instant eventTime, int... partitions) {
        Objects.requireNonNull(eventTime, "eventTime cannot be null");
        if (partitions.length == 0) {
            throw new IllegalArgumentException("give at least one partition to advance");
        }
        ExplicitRow[] rows = new ExplicitRow[partitions.length];
        for (int i = 0; i < partitions.length; i++) {
            int p = partitions[i];
            if (p < 0 || p >= topic.partitions()) {
                throw new IllegalArgumentException("partition " + p + " of table " + table + " does not exist: its"
                        + " topic has " + topic.partitions() + " partitions (0.." + (topic.partitions() - 1) + ")");
            }
            rows[i] = ExplicitRow.of(values).at(eventTime).inPartition(p);
        }
        GeneratedData heartbeats = DataGenerator.forSchema(schema).seed(eventTime.toEpochMilli()).records(0)
                .placement(io.flinkharness.data.Placement.roundRobin(topic.partitions()))
                .explicit(rows).generate();
        topic.send(heartbeats);
        return this;
    }

    /**
     * Sends heartbeats to every partition so that the window ending at {@code windowEnd} (exclusive) fires: at
     * {@code windowEnd} plus the watermark delay, which moves the watermark to {@code windowEnd}, past the window's
     * last millisecond.
     *
     * @return the event time of the heartbeats
     */
    public Instant fireWindowEndingAt(Instant windowEnd) {
        Instant at = windowEnd.plus(watermarkDelay());
        advanceTo(at);
        return at;
    }

    @Override
    public String toString() {
        return "event time of table " + table + " (" + topic + ", delay " + watermarkDelay() + ", heartbeat values "
                + values + ")";
    }
}
