package io.flinkharness.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A record to put on a test topic, with its Kafka timestamp set explicitly. Keys and values are bytes; text is
 * written as UTF-8.
 *
 * <pre>{@code
 * TestRecord r = TestRecord.of("alice", "{\"user\":\"alice\",\"amount\":3}", Instant.parse("2024-01-01T00:00:01Z"))
 *         .withPartition(2)
 *         .withHeader("source", "test");
 * }</pre>
 *
 * @param key the key bytes, or null for no key
 * @param value the value bytes, or null for a tombstone
 * @param timestamp the Kafka record timestamp (CreateTime)
 * @param partition the partition to write to; empty lets the producer's partitioner choose by key
 * @param headers record headers (text), in order
 */
public record TestRecord(byte[] key, byte[] value, Instant timestamp, OptionalInt partition,
                         Map<String, String> headers) {

    public TestRecord {
        Objects.requireNonNull(timestamp, "timestamp cannot be null: test records carry an explicit event time");
        Objects.requireNonNull(partition, "partition cannot be null; use OptionalInt.empty()");
        if (partition.isPresent() && partition.getAsInt() < 0) {
            throw new IllegalArgumentException("partition cannot be negative, got " + partition.getAsInt());
        }
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A record with a text key and value (UTF-8); either may be null. */
    public static TestRecord of(String key, String value, Instant timestamp) {
        return new TestRecord(utf8(key), utf8(value), timestamp, OptionalInt.empty(), Map.of());
    }

    /** A record with binary key and value (Avro, for example); either may be null. */
    public static TestRecord ofBytes(byte[] key, byte[] value, Instant timestamp) {
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

    /** The key read as UTF-8 text. */
    public Optional<String> keyText() {
        return Optional.ofNullable(key).map(k -> new String(k, StandardCharsets.UTF_8));
    }

    /** The value read as UTF-8 text, or null for a tombstone. */
    public String valueText() {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestRecord r && Arrays.equals(key, r.key) && Arrays.equals(value, r.value)
                && timestamp.equals(r.timestamp) && partition.equals(r.partition) && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(value), timestamp, partition, headers);
    }

    @Override
    public String toString() {
        return "TestRecord[key=" + keyText().orElse(null) + ", value=" + valueText() + ", timestamp=" + timestamp
                + ", partition=" + partition + ", headers=" + headers + "]";
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
