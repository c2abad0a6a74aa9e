package io.flinkharness.kafka;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A record with a binary key and value, for test input that is not text: Avro, Protobuf, the Confluent wire
 * format. Its Kafka timestamp is set explicitly, as for {@link TestRecord}. The arrays are copied in and out.
 *
 * <pre>{@code
 * byte[] value = ConfluentWireFormat.encode(schemaId, avroBytes);
 * producer.sendBinary("orders-3f2a", List.of(BinaryRecord.of(null, value, Instant.parse("2024-01-01T00:00:01Z"))));
 * }</pre>
 *
 * @param key the key bytes, or null for no key
 * @param value the value bytes, or null for a tombstone
 * @param timestamp the Kafka record timestamp (CreateTime)
 * @param partition the partition to write to; empty lets the producer's partitioner choose by key
 */
public record BinaryRecord(byte[] key, byte[] value, Instant timestamp, OptionalInt partition) {

    public BinaryRecord {
        Objects.requireNonNull(timestamp, "timestamp cannot be null: test records carry an explicit event time");
        Objects.requireNonNull(partition, "partition cannot be null; use OptionalInt.empty()");
        if (partition.isPresent() && partition.getAsInt() < 0) {
            throw new IllegalArgumentException("partition cannot be negative, got " + partition.getAsInt());
        }
        key = key == null ? null : key.clone();
        value = value == null ? null : value.clone();
    }

    public static BinaryRecord of(byte[] key, byte[] value, Instant timestamp) {
        return new BinaryRecord(key, value, timestamp, OptionalInt.empty());
    }

    public BinaryRecord withPartition(int p) {
        return new BinaryRecord(key, value, timestamp, OptionalInt.of(p));
    }

    @Override
    public byte[] key() {
        return key == null ? null : key.clone();
    }

    @Override
    public byte[] value() {
        return value == null ? null : value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryRecord other && Arrays.equals(key, other.key) && Arrays.equals(value, other.value)
                && timestamp.equals(other.timestamp) && partition.equals(other.partition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(value), timestamp, partition);
    }

    @Override
    public String toString() {
        return "BinaryRecord[key=" + hex(key) + ", value=" + hex(value) + ", timestamp=" + timestamp
                + ", partition=" + partition + "]";
    }

    private static String hex(byte[] bytes) {
        return bytes == null ? "null" : "0x" + HexFormat.of().formatHex(bytes);
    }
}
