package io.flinkharness.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A record to put on a test topic, with its Kafka timestamp set explicitly. Key and value are bytes: given as
 * text (UTF-8, usually JSON) or as encoded bytes (e.g. Avro from {@code io.flinkharness.data.RecordEncoders}).
 * Immutable.
 *
 * <pre>{@code
 * TestRecord r = TestRecord.of("alice", "{\"user\":\"alice\",\"amount\":3}", Instant.parse("2024-01-01T00:00:01Z"))
 *         .withPartition(2)
 *         .withHeader("source", "test");
 * TestRecord avro = TestRecord.ofBytes(null, RecordEncoders.avro(rowType).encode(click), timestamp);
 * }</pre>
 */
public final class TestRecord {
    private final byte[] key;
    private final byte[] value;
    private final boolean binary;
    private final Instant timestamp;
    private final OptionalInt partition;
    private final Map<String, String> headers;

    /**
     * A record with text key and value.
     *
     * @param key the key as UTF-8 text, or null for no key
     * @param value the value as UTF-8 text (usually JSON), or null for a tombstone
     * @param timestamp the Kafka record timestamp (CreateTime)
     * @param partition the partition to write to; empty lets the producer's partitioner choose by key
     * @param headers record headers, in order
     */
    public TestRecord(String key, String value, Instant timestamp, OptionalInt partition, Map<String, String> headers) {
        this(utf8(key), utf8(value), false, timestamp, partition, headers);
    }

    private TestRecord(byte[] key, byte[] value, boolean binary, Instant timestamp, OptionalInt partition,
                       Map<String, String> headers) {
        Objects.requireNonNull(timestamp, "timestamp cannot be null: test records carry an explicit event time");
        Objects.requireNonNull(partition, "partition cannot be null; use OptionalInt.empty()");
        if (partition.isPresent() && partition.getAsInt() < 0) {
            throw new IllegalArgumentException("partition cannot be negative, got " + partition.getAsInt());
        }
        this.key = key;
        this.value = value;
        this.binary = binary;
        this.timestamp = timestamp;
        this.partition = partition;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static TestRecord of(String key, String value, Instant timestamp) {
        return new TestRecord(key, value, timestamp, OptionalInt.empty(), Map.of());
    }

    /**
     * A record stamped with the current time: for jobs that do not read the record's timestamp. Give event-time
     * input its time with {@link #of(String, String, Instant)}.
     */
    public static TestRecord of(String key, String value) {
        return of(key, value, Instant.now());
    }

    /**
     * A record whose key and value are already encoded (Avro, Confluent wire format, ...). The arrays are copied.
     *
     * @param key the key bytes, or null for no key
     * @param value the value bytes, or null for a tombstone
     */
    public static TestRecord ofBytes(byte[] key, byte[] value, Instant timestamp) {
        return new TestRecord(copy(key), copy(value), true, timestamp, OptionalInt.empty(), Map.of());
    }

    public TestRecord withPartition(int p) {
        return new TestRecord(key, value, binary, timestamp, OptionalInt.of(p), headers);
    }

    public TestRecord withHeader(String name, String headerValue) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(Objects.requireNonNull(name, "header name cannot be null"), headerValue);
        return new TestRecord(key, value, binary, timestamp, partition, copy);
    }

    /** The key as UTF-8 text, or null for no key. */
    public String key() {
        return text(key);
    }

    /** The value as UTF-8 text, or null for a tombstone. */
    public String value() {
        return text(value);
    }

    /** A copy of the key bytes, or null for no key. */
    public byte[] keyBytes() {
        return copy(key);
    }

    /** A copy of the value bytes, or null for a tombstone. */
    public byte[] valueBytes() {
        return copy(value);
    }

    /** The Kafka record timestamp (CreateTime). */
    public Instant timestamp() {
        return timestamp;
    }

    /** The partition to write to; empty lets the producer's partitioner choose by key. */
    public OptionalInt partition() {
        return partition;
    }

    /** Record headers, in order. */
    public Map<String, String> headers() {
        return headers;
    }

    public Optional<String> keyText() {
        return Optional.ofNullable(key());
    }

    /** The bytes without a copy, for the producer in this package. */
    byte[] rawKey() {
        return key;
    }

    byte[] rawValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestRecord other && Arrays.equals(key, other.key) && Arrays.equals(value, other.value)
                && timestamp.equals(other.timestamp) && partition.equals(other.partition)
                && headers.equals(other.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(value), timestamp, partition, headers);
    }

    @Override
    public String toString() {
        return "TestRecord[key=" + show(key) + ", value=" + show(value) + ", timestamp=" + timestamp
                + ", partition=" + partition + ", headers=" + headers + "]";
    }

    private String show(byte[] bytes) {
        if (bytes == null || !binary) {
            return text(bytes);
        }
        StringBuilder hex = new StringBuilder(bytes.length + " bytes 0x");
        for (int i = 0; i < Math.min(bytes.length, 32); i++) {
            hex.append(String.format("%02x", bytes[i]));
        }
        return bytes.length > 32 ? hex.append("...").toString() : hex.toString();
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }
}
