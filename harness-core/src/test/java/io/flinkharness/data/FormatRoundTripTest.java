package io.flinkharness.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records encoded by the harness, read by real Flink jobs: a bounded job copies a topic of encoded records with
 * every supported type into a json sink, and the sink must hold every value exactly (the sink writes what it
 * read with Flink's json format, so each output row must equal the record encoded as json).
 */
class FormatRoundTripTest {
    private static final String COLUMNS = """
            id BIGINT NOT NULL, name STRING, code CHAR(3), ok BOOLEAN, tiny TINYINT, small SMALLINT, n INT,
            f FLOAT, d DOUBLE, price DECIMAL(10, 2), payload BYTES, dt DATE, t TIME, ts TIMESTAMP(3),
            ltz TIMESTAMP_LTZ(3), tags ARRAY<STRING>, attrs MAP<STRING, INT>,
            address ROW<city STRING, zip INT, geo ROW<lat DOUBLE, lon DOUBLE>>,
            nested ARRAY<ROW<k STRING, v BIGINT>>, nothing STRING""";
    private static final String SOURCE = """
            CREATE TABLE src (%s) WITH ('connector' = 'kafka', 'topic' = '${topic.src}',
              'properties.bootstrap.servers' = '${bootstrap.servers}', 'scan.startup.mode' = 'earliest-offset',
              'scan.bounded.mode' = 'latest-offset', %s)""";
    private static final String SINK = """
            CREATE TABLE copy (%s) WITH ('connector' = 'kafka', 'topic' = '${topic.copy}',
              'properties.bootstrap.servers' = '${bootstrap.servers}', 'sink.delivery-guarantee' = 'exactly-once',
              'sink.transactional-id-prefix' = '${case.id}', 'format' = 'json')""".formatted(COLUMNS);
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static final EmbeddedEnvironment env = SharedTestEnvironment.get();
    private static final CaseRunner runner = SharedTestEnvironment.runner();

    /** Every type with values, and every nullable column null. */
    private static List<Struct> records() {
        Struct full = RecordEncodersTest.allTypes(1);
        Struct nulls = full;
        for (String field : full.fieldNames()) {
            nulls = field.equals("id") ? nulls.with("id", 2L) : nulls.with(field, null);
        }
        return List.of(full, nulls, RecordEncodersTest.allTypes(3).with("tags", List.of()).with("name", ""));
    }

    private static CaseResult copy(String format, String formatOptions) {
        String source = SOURCE.formatted(COLUMNS, "'format' = '" + format + "'" + formatOptions);
        RecordSchema schema = RecordSchema.fromDdl(source);
        RecordEncoder encoder = RecordEncoders.forTable(schema);
        RecordEncoder json = RecordEncoders.json(schema.rowType());
        List<TestRecord> input = new ArrayList<>();
        List<Row> expected = new ArrayList<>();
        for (Struct record : records()) {
            input.add(TestRecord.ofBytes(null, encoder.encode(record), T0));
            expected.add(Row.fromJson(new String(json.encode(record), StandardCharsets.UTF_8)));
        }
        return runner.run(SqlCase.named(format + " round trip").topic("src", 1).topic("copy", 1)
                .input("src", input).ddl(source + ";\n" + SINK).dml("INSERT INTO copy SELECT * FROM src")
                .expectRows("copy", expected).build());
    }

    @Test
    void flinksJsonFormatReadsEveryValueExactly() {
        CaseResult result = copy("json", "");

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
    }

    @Test
    void flinksAvroFormatReadsEveryValueExactly() {
        CaseResult result = copy("avro", ", 'avro.timestamp_mapping.legacy' = 'false'");

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
    }

    @Test
    void keyAndValueEncodersFollowKeyFieldsPrefixAndExceptKey() {
        String source = """
                CREATE TABLE orders (k_region STRING NOT NULL, k_id BIGINT NOT NULL, amount DECIMAL(8, 2),
                  placed TIMESTAMP(3)) WITH ('connector' = 'kafka', 'topic' = '${topic.src}',
                  'properties.bootstrap.servers' = '${bootstrap.servers}', 'scan.startup.mode' = 'earliest-offset',
                  'scan.bounded.mode' = 'latest-offset', 'key.format' = 'avro', 'key.fields' = 'k_id;k_region',
                  'key.fields-prefix' = 'k_', 'value.format' = 'json', 'value.fields-include' = 'EXCEPT_KEY')""";
        String sink = """
                CREATE TABLE copy (region STRING, id BIGINT, amount DECIMAL(8, 2), placed TIMESTAMP(3))
                WITH ('connector' = 'kafka', 'topic' = '${topic.copy}',
                  'properties.bootstrap.servers' = '${bootstrap.servers}', 'format' = 'json')""";
        RecordSchema orders = RecordSchema.fromDdl(source);
        RecordEncoder key = RecordEncoders.forTableKey(orders);
        RecordEncoder value = RecordEncoders.forTable(orders);
        Struct order = Struct.of(orders.fieldNames(), java.util.Arrays.asList("eu", 7L,
                new java.math.BigDecimal("19.99"), java.time.LocalDateTime.of(2024, 1, 1, 10, 0)));

        CaseResult result = runner.run(SqlCase.named("key and value").topic("src", 1).topic("copy", 1)
                .input("src", TestRecord.ofBytes(key.encode(order), value.encode(order), T0))
                .ddl(source + ";\n" + sink)
                .dml("INSERT INTO copy SELECT k_region, k_id, amount, placed FROM orders")
                .expectRows("copy", Row.of("region", "eu", "id", 7, "amount", new java.math.BigDecimal("19.99"),
                        "placed", "2024-01-01 10:00:00"))
                .build());

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
    }
}
