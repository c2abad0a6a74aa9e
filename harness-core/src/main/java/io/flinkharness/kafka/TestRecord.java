package io.flinkharness.kafka;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A record to put on a test topic, with its Kafka timestamp set explicitly.
 *
 * <pre>{@code
 * TestRecord r = TestRecord.of("alice", "{\"user\":\"alice\",\"amount\":3}", Instant.parse("2024-01-01T00:00:01Z"))
 *         .withPartition(2)
 *         .withHeader("source", "test");
 * }</pre>
 *
 * @param key the key as UTF-8 text, or null for no key
 * @param value the value as UTF-8 text (usually JSON), or null for a tombstone
 * @param timestamp the Kafka record timestamp (CreateTime)
 * @param partition the partition to write to; empty lets the producer's partitioner choose by key
 * @param headers record headers, in order
 */
public record TestRecord(String key, String value, Instant timestamp, OptionalInt partition,
                         Map<String, String> headers) {

    public TestRecord {
        Objects.requireNonNull(timestamp, "timestamp cannot be null: test records carry an explicit event time");
        Objects.requireNonNull(partition, "partition cannot be null; use OptionalInt.empty()");
        if (partition.isPresent() && partition.getAsInt() < 0) {
            throw new IllegalArgumentException("partition cannot be negative, got " + partition.getAsInt());
        }
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static TestRecord of(String key, String value, Instant timestamp) {
        return new TestRecord(key, value, timestamp, OptionalInt.empty(), Map.of());
    }

    public TestRecord withPartition(int p) {
        return new TestRecord(key, value, timestamp, OptionalInt.of(p), headers);
    }

    public TestRecord withHeader(String name, String headerValue) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(Objects.requireNonNull(name, "header name cannot be null"), headerValue);
        return new TestRecord(key, value, timestamp, partition, copy);
    }

    public Optional<String> keyText() {
        return Optional.ofNullable(key);
    }
}
