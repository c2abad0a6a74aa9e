package io.flinkharness.data;

import java.util.List;
import java.util.Map;

/**
 * The generator's settings as plain data (text, numbers, lists, maps), the form case files use. Every field is
 * optional except the schema; {@link GeneratorSpecs#toGenerator} checks it and builds a {@link DataGenerator}.
 * Durations are written {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT5S});
 * instants as ISO-8601 ({@code 2026-01-01T00:00:00Z}).
 *
 * <pre>
 * schema: { table: clicks }          # or ddl: CREATE TABLE ..., avro: {...}, avroFile: click.avsc,
 *                                    #    registry: { subject: clicks-value, version: latest }
 * seed: 7
 * records: 1000
 * eventTime: ts
 * time: { start: 2026-01-01T00:00:00Z, every: 100ms, jitter: 20ms }
 * watermark: { delay: 5s, emit: on-event }
 * outOfOrder: { maxDelay: 3s, fraction: 0.2 }
 * late: { count: 5, behind: 30s }
 * duplicates: { count: 10, shift: 0s, within: 5 }
 * partitions: { strategy: round-robin, count: 4, idle: [3] }
 * trailing: { window: 1m }
 * fields:
 *   user_id: { distinct: 50, skew: zipf(1.2) }
 *   page: { oneOf: [/home, /cart], weights: [3, 1] }
 *   amount: { range: [1, 100], nullRate: 0.05 }
 * rows:
 *   - { at: 2026-01-01T00:00:30Z, values: { user_id: whale, amount: 1000000 } }
 * </pre>
 */
public record GeneratorSpec(
        SchemaSpec schema,
        Long seed,
        Integer records,
        String eventTime,
        TimeSpec time,
        WatermarkSpec watermark,
        OutOfOrderSpec outOfOrder,
        LateSpec late,
        DuplicatesSpec duplicates,
        PartitionsSpec partitions,
        TrailingSpec trailing,
        Map<String, FieldSpec> fields,
        List<RowSpec> rows,
        FormatSpec format) {

    /** Where the record shape comes from: exactly one of the fields. */
    public record SchemaSpec(String table, String ddl, Object avro, String avroFile, RegistrySpec registry) {
    }

    /** A subject in a schema registry; {@code version} is a number or {@code latest}. */
    public record RegistrySpec(String subject, String version, String url) {
    }

    /** Start and spacing: {@code every} or {@code rate}, or a list of phases. */
    public record TimeSpec(String start, String every, Double rate, String jitter, List<PhaseSpec> phases) {
    }

    /** One phase: {@code records} with {@code every} or {@code rate}; or a {@code pause}. */
    public record PhaseSpec(Integer records, String every, Double rate, String jitter, String pause) {
    }

    /** {@code emit}: {@code on-event} or {@code periodic} (Flink's default). */
    public record WatermarkSpec(String delay, String emit) {
    }

    public record OutOfOrderSpec(String maxDelay, Double fraction) {
    }

    public record LateSpec(Integer count, String behind) {
    }

    /** {@code count} or {@code fraction}; {@code within}: the copy comes at most this many records later. */
    public record DuplicatesSpec(Integer count, Double fraction, String shift, Integer within) {
    }

    /** {@code strategy}: {@code round-robin} (default), {@code key-hash}, {@code weighted} or {@code field}. */
    public record PartitionsSpec(String strategy, Integer count, List<Integer> idle, List<Double> weights,
            String field) {
    }

    /** {@code window}: fire the window of this size holding the last record; {@code watermark}: an instant. */
    public record TrailingSpec(String window, String watermark) {
    }

    /**
     * One field's rule: at most one of constant, sequence, range, oneOf, pattern, ref; plus modifiers. {@code skew}
     * is {@code uniform} or {@code zipf(1.2)}.
     */
    public record FieldSpec(Object constant, SequenceSpec sequence, List<Object> range, List<Object> oneOf,
            List<Double> weights, String pattern, String ref, Double nullRate, Integer distinct, String skew) {
    }

    public record SequenceSpec(Object start, Object step) {
    }

    /** An explicit row: its values, and its event time if no event-time field gives it. */
    public record RowSpec(String at, Integer partition, Map<String, Object> values) {
    }

    /** Encodings of the Kafka value and key: {@code json}, {@code avro}, {@code avro-confluent}. */
    public record FormatSpec(String value, String key) {
    }
}
