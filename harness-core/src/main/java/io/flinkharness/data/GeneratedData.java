package io.flinkharness.data;

import io.flinkharness.kafka.TestRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The records a {@link DataGenerator} made, in produce order, each with its label; and the seed that makes them
 * again. Turn them into Kafka records with {@link #toTestRecords}.
 *
 * <pre>{@code
 * GeneratedData data = generator.generate();
 * long late = data.stream().filter(r -> r.label().lateness() == Lateness.LATE).count();
 * producer.send(topic, data.toTestRecords(RecordEncoders.json(schema.rowType()), Optional.empty()));
 * }</pre>
 */
public final class GeneratedData implements Iterable<GeneratedRecord> {
    private final long seed;
    private final RecordSchema schema;
    private final int partitions;
    private final List<GeneratedRecord> records;

    public GeneratedData(long seed, RecordSchema schema, int partitions, List<GeneratedRecord> records) {
        this.seed = seed;
        this.schema = Objects.requireNonNull(schema, "schema cannot be null");
        this.partitions = partitions;
        this.records = List.copyOf(records);
    }

    /** The seed that generates exactly these records again. */
    public long seed() {
        return seed;
    }

    public RecordSchema schema() {
        return schema;
    }

    /** How many partitions the placement spread records over (the topic needs at least this many). */
    public int partitions() {
        return partitions;
    }

    /** Every record, in produce order. */
    public List<GeneratedRecord> records() {
        return records;
    }

    public int size() {
        return records.size();
    }

    public Stream<GeneratedRecord> stream() {
        return records.stream();
    }

    @Override
    public Iterator<GeneratedRecord> iterator() {
        return records.iterator();
    }

    /** The records with a given lateness label. */
    public List<GeneratedRecord> withLateness(Lateness lateness) {
        return records.stream().filter(r -> r.lateness() == lateness).toList();
    }

    /** The records of a given origin (generated, explicit, duplicate, late, trailing). */
    public List<GeneratedRecord> withOrigin(RecordLabel.Origin origin) {
        return records.stream().filter(r -> r.origin() == origin).toList();
    }

    /**
     * The records as Kafka records, encoded as the schema implies ({@link RecordEncoders#defaultFor}): the table's
     * formats for a schema from DDL, Avro for an Avro schema, else JSON.
     */
    public List<TestRecord> toTestRecords() {
        return toTestRecords(RecordEncoders.defaultFor(schema, Optional.empty()),
                RecordEncoders.defaultKeyFor(schema, Optional.empty()));
    }

    /**
     * The records as Kafka records: the value (without the key fields if the schema says EXCEPT_KEY) and key encoded,
     * the event time as the record timestamp, the partition set explicitly. Produce them in this order.
     */
    public List<TestRecord> toTestRecords(RecordEncoder valueEncoder, Optional<RecordEncoder> keyEncoder) {
        Objects.requireNonNull(valueEncoder, "valueEncoder cannot be null");
        List<String> valueFields = schema.valueExcludesKey()
                ? schema.fieldNames().stream().filter(f -> !schema.keyFields().contains(f)).toList()
                : null;
        List<TestRecord> out = new ArrayList<>(records.size());
        for (GeneratedRecord r : records) {
            byte[] value = valueEncoder.encode(valueFields == null ? r.value() : r.value().project(valueFields));
            byte[] key = keyEncoder.isPresent() && r.key().isPresent() ? keyEncoder.get().encode(r.key().get())
                    : null;
            out.add(TestRecord.ofBytes(key, value, r.eventTime()).withPartition(r.partition()));
        }
        return out;
    }

    /** One line for messages: counts by origin and lateness, records per partition, the seed. */
    public String summary() {
        Map<RecordLabel.Origin, Long> origins = new TreeMap<>(records.stream()
                .collect(Collectors.groupingBy(GeneratedRecord::origin, Collectors.counting())));
        Map<Lateness, Long> lateness = new TreeMap<>(records.stream()
                .collect(Collectors.groupingBy(GeneratedRecord::lateness, Collectors.counting())));
        long[] perPartition = new long[partitions];
        records.forEach(r -> perPartition[r.partition()]++);
        return records.size() + " records (" + text(origins) + "; " + text(lateness) + "), per partition "
                + java.util.Arrays.toString(perPartition) + ", seed " + seed;
    }

    private static String text(Map<?, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey().toString().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' ') + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "GeneratedData[" + summary() + "]";
    }
}
