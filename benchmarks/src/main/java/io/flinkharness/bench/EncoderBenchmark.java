package io.flinkharness.bench;

import io.flinkharness.data.RecordEncoder;
import io.flinkharness.data.RecordEncoders;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.Struct;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Encodes/s of the harness's record encoders for a 10-field record, one thread, plus the cold and warm cost of
 * {@code RecordSchema.fromDdl}. A plain main: {@code benchmarks/run-encoders.sh}.
 */
public final class EncoderBenchmark {
    private static final String DDL = """
            CREATE TABLE clicks (
              id BIGINT NOT NULL, user_id STRING, url STRING, amount DECIMAL(10, 2), qty INT, ok BOOLEAN,
              score DOUBLE, dt DATE, ts TIMESTAMP(3), seen_at TIMESTAMP_LTZ(3),
              WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
            ) WITH ('connector' = 'kafka', 'topic' = '${topic.clicks}', 'format' = 'json')""";

    private EncoderBenchmark() {
    }

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        long start = System.nanoTime();
        RecordSchema schema = RecordSchema.fromDdl(DDL);
        System.out.printf("fromDdl cold: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            RecordSchema.fromDdl(DDL.replace("'5'", "'" + i + "'"));
        }
        System.out.printf("fromDdl warm: %.1f ms per call%n", (System.nanoTime() - start) / 50 / 1e6);

        Struct.Factory shape = Struct.factory(schema.fieldNames());
        Struct[] records = new Struct[1024];
        for (int i = 0; i < records.length; i++) {
            records[i] = shape.create(new Object[] {(long) i, "user-" + (i % 97), "https://example.com/p/" + i,
                    BigDecimal.valueOf(i * 7L, 2), i % 10, i % 2 == 0, i * 0.5, LocalDate.of(2024, 1, 1 + i % 28),
                    LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(i), Instant.ofEpochMilli(1_700_000_000_000L + i)});
        }
        RecordSchema ltzFree = RecordSchema.fromDdl(DDL.replace("'format' = 'json'",
                "'format' = 'avro', 'avro.timestamp_mapping.legacy' = 'false'"));
        Schema userSchema = RecordEncoders.avroSchemaOf(schema.rowType(), false);
        Map<String, RecordEncoder> encoders = Map.of(
                "json", RecordEncoders.json(schema.rowType()),
                "avro (Flink)", RecordEncoders.forTable(ltzFree),
                "avro (user schema)", RecordEncoders.avro(userSchema, schema.rowType()),
                "avro-confluent", RecordEncoders.avroConfluent(1, userSchema, schema.rowType()));
        for (String name : List.of("json", "avro (Flink)", "avro (user schema)", "avro-confluent")) {
            measure(name, encoders.get(name), records, seconds);
        }
    }

    private static void measure(String name, RecordEncoder encoder, Struct[] records, long seconds) {
        long bytes = 0;
        long warmUntil = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; System.nanoTime() < warmUntil; i++) {
            bytes += encoder.encode(records[i & 1023]).length;
        }
        long count = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1024; i++) {
                bytes += encoder.encode(records[i]).length;
            }
            count += 1024;
        }
        double perSecond = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf("%-20s %,12.0f encodes/s  (%d bytes/record)%n", name, perSecond,
                encoder.encode(records[0]).length);
        if (bytes == 42) {
            System.out.println();
        }
    }
}
