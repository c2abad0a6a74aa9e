package io.flinkharness.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A committed record read back from an output topic. Key and value are kept as bytes (binary formats such as
 * Avro need them) and are also readable as UTF-8 text; null for absent (a tombstone has a null value).
 *
 * <pre>{@code
 * OutputRecord r = reader.readToEnd(topic, Duration.ofSeconds(30)).get(0);
 * String json = r.value();
 * byte[] avro = r.valueBytes();
 * }</pre>
 */
public final class OutputRecord {
    private final String topic;
    private final int partition;
    private final long offset;
    private final byte[] key;
    private final byte[] value;
    private final Instant timestamp;
    private final Map<String, String> headers;

    /** A record with a text key and value (written as UTF-8). */
    public OutputRecord(String topic, int partition, long offset, String key, String value, Instant timestamp,
                        Map<String, String> headers) {
        this(topic, partition, offset, utf8(key), utf8(value), timestamp, headers);
    }

    private OutputRecord(String topic, int partition, long offset, byte[] key, byte[] value, Instant timestamp,
                         Map<String, String> headers) {
        this.topic = Objects.requireNonNull(topic, "topic cannot be null");
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.value = value;
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp cannot be null");
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A record with binary key and value, as the broker holds them; the arrays are copied. */
    public static OutputRecord ofBytes(String topic, int partition, long offset, byte[] key, byte[] value,
                                       Instant timestamp, Map<String, String> headers) {
        return new OutputRecord(topic, partition, offset, key == null ? null : key.clone(),
                value == null ? null : value.clone(), timestamp, headers);
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    /** The key as UTF-8 text, or null. */
    public String key() {
        return text(key);
    }

    /** The value as UTF-8 text, or null for a tombstone. */
    public String value() {
        return text(value);
    }

    /** The key's bytes (a copy), or null. */
    public byte[] keyBytes() {
        return key == null ? null : key.clone();
    }

    /** The value's bytes (a copy), or null for a tombstone. */
    public byte[] valueBytes() {
        return value == null ? null : value.clone();
    }

    public Instant timestamp() {
        return timestamp;
    }

    public Map<String, String> headers() {
        return headers;
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputRecord r && topic.equals(r.topic) && partition == r.partition
                && offset == r.offset && Arrays.equals(key, r.key) && Arrays.equals(value, r.value)
                && timestamp.equals(r.timestamp) && headers.equals(r.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset, Arrays.hashCode(key), Arrays.hashCode(value), timestamp);
    }

    /** {@code counts-3f2a-0@17 key=alice value={"user":"alice"} at 2024-01-01T00:00:00Z} */
    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset + " key=" + key() + " value=" + value() + " at " + timestamp;
    }
}
