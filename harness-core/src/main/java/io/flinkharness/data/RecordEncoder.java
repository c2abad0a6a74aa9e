package io.flinkharness.data;

/**
 * Turns a generated {@link Struct} into the bytes of a Kafka key or value, in a format Flink reads
 * ({@code json}, {@code avro}, {@code avro-confluent}).
 */
@FunctionalInterface
public interface RecordEncoder {
    byte[] encode(Struct struct);
}
