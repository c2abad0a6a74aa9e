package io.flinkharness.results;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.Duplicates;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.data.Lateness;
import io.flinkharness.data.RecordEncoders;
import io.flinkharness.data.RecordLabel;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.Struct;
import io.flinkharness.data.TimeModel;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What real Flink jobs write, read back as typed tables: every type through the json and avro sinks, the
 * changelog formats and upsert-kafka, avro-confluent through the registry, and deduplication and windows checked
 * against the labelled input.
 */
class ResultsThroughFlinkTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final String KAFKA = "'properties.bootstrap.servers' = '${bootstrap.servers}'";
    private static final String SOURCE = """
            CREATE TABLE src (%s) WITH ('connector' = 'kafka', 'topic' = '${topic.src}', %s,
              'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', %s)""";
    private static final String SINK = """
            CREATE TABLE %s (%s) WITH ('connector' = 'kafka', 'topic' = '${topic.%s}', %s, %s)""";

    private static final CaseRunner runner = SharedTestEnvironment.runner();

    private static String sink(String name, String columns, String options) {
        return SINK.formatted(name, columns, name, KAFKA, options);
    }

    private static Row row(Struct struct) {
        return Row.of(struct.asMap());
    }

    @Test
    void jsonAndAvroSinksReadBackToTheValuesTheJobRead() {
        String avroOptions = "'format' = 'avro', 'avro.timestamp_mapping.legacy' = 'false'";
        String source = SOURCE.formatted(OutputDecoderTest.ALL_COLUMNS, KAFKA, avroOptions);
        RecordSchema schema = RecordSchema.fromDdl(source);
        List<Struct> records = new ArrayList<>();
        records.add(OutputDecoderTest.allTypes(1, schema.fieldNames()));
        Object[] nulls = new Object[schema.fieldNames().size()];
        nulls[0] = 2L;
        records.add(Struct.of(schema.fieldNames(), Arrays.asList(nulls)));
        List<TestRecord> input = records.stream()
                .map(r -> TestRecord.ofBytes(null, RecordEncoders.forTable(schema).encode(r), T0)).toList();

        CaseResult result = runner.run(SqlCase.named("json and avro sinks").topic("src", 1).topic("as_json", 1)
                .topic("as_avro", 1).input("src", input)
                .ddl(source + ";\n" + sink("as_json", OutputDecoderTest.ALL_COLUMNS, "'format' = 'json'") + ";\n"
                        + sink("as_avro", OutputDecoderTest.ALL_COLUMNS, avroOptions))
                .dml("""
                        EXECUTE STATEMENT SET BEGIN
                        INSERT INTO as_json SELECT * FROM src;
                        INSERT INTO as_avro SELECT * FROM src;
                        END""")
                .output("as_json").output("as_avro")
                .build());

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
        for (String topic : List.of("as_json", "as_avro")) {
            ResultTable table = result.table(topic);
            assertThat(table).as(topic).containsExactlyRows(row(records.get(0)), row(records.get(1)));
            assertThat(table.rows().get(0).get("ltz")).isEqualTo(Instant.parse("2024-01-01T00:00:01.500Z"));
            assertThat((byte[]) table.rows().get(0).get("payload")).containsExactly(0, 1, 2, 255);
            assertThat(table.rows().get(0).get("address")).isEqualTo(records.get(0).get("address"));
        }
    }

    @Test
    void changelogFormatsAndUpsertKafkaAreTablesAndChangelogs() {
        String columns = "`user` STRING, clicks BIGINT";
        String keyed = "`user` STRING, clicks BIGINT, PRIMARY KEY (`user`) NOT ENFORCED";
        CaseResult result = runner.run(SqlCase.named("changelog sinks").topic("src", 1).topic("upserted", 1)
                .topic("debezium", 1).topic("canal", 1).topic("maxwell", 1)
                .input("src", TestRecord.of(null, "{\"user\":\"a\"}", T0), TestRecord.of(null, "{\"user\":\"b\"}", T0),
                        TestRecord.of(null, "{\"user\":\"a\"}", T0))
                .ddl(SOURCE.formatted("`user` STRING", KAFKA, "'format' = 'json'") + ";\n"
                        + """
                        CREATE TABLE upserted (%s) WITH ('connector' = 'upsert-kafka', 'topic' = '${topic.upserted}', %s,
                          'key.format' = 'json', 'value.format' = 'json');
                        """.formatted(keyed, KAFKA)
                        + sink("debezium", columns, "'format' = 'debezium-json'") + ";\n"
                        + sink("canal", columns, "'format' = 'canal-json'") + ";\n"
                        + sink("maxwell", columns, "'format' = 'maxwell-json'"))
                .dml("""
                        EXECUTE STATEMENT SET BEGIN
                        INSERT INTO upserted SELECT `user`, COUNT(*) FROM src GROUP BY `user`;
                        INSERT INTO debezium SELECT `user`, COUNT(*) FROM src GROUP BY `user`;
                        INSERT INTO canal SELECT `user`, COUNT(*) FROM src GROUP BY `user`;
                        INSERT INTO maxwell SELECT `user`, COUNT(*) FROM src GROUP BY `user`;
                        END""")
                .output("upserted").output("debezium").output("canal").output("maxwell")
                .build());

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
        Row a2 = Row.of("user", "a", "clicks", 2);
        Row b1 = Row.of("user", "b", "clicks", 1);
        assertThat(result.table("upserted")).hasRowCount(2).containsExactlyRowsInAnyOrder(a2, b1);
        assertThat(result.table("upserted").changelog()).containsExactlyRows(
                Row.of("op", "+I", "user", "a", "clicks", 1), Row.of("op", "+I", "user", "b", "clicks", 1),
                Row.of("op", "+U", "user", "a", "clicks", 2));
        for (String format : List.of("debezium", "canal", "maxwell")) {
            ResultTable table = result.table(format);
            assertThat(table.kind()).isEqualTo(ResultTable.Kind.RETRACT);
            assertThat(table).as(format).containsExactlyRowsInAnyOrder(a2, b1);
            // the update of a is written as a delete of the old row and an insert of the new one
            assertThat(table.changelog()).as(format).containsExactlyRows(
                    Row.of("op", "+I", "user", "a", "clicks", 1), Row.of("op", "+I", "user", "b", "clicks", 1),
                    Row.of("op", "-D", "user", "a", "clicks", 1), Row.of("op", "+I", "user", "a", "clicks", 2));
        }
    }

    @Test
    void anAvroConfluentSinkIsReadWithItsWriterSchemaFromTheRegistry() {
        String columns = "id BIGINT NOT NULL, name STRING, price DECIMAL(10, 2), ts TIMESTAMP(3)";
        CaseResult result = runner.run(SqlCase.named("avro-confluent sink").topic("src", 1).topic("registered", 1)
                .input("src", TestRecord.of(null, "{\"id\":1,\"name\":\"x\",\"price\":2.5,\"ts\":\"2024-01-01 00:00:01\"}", T0),
                        TestRecord.of(null, "{\"id\":2,\"name\":null,\"price\":null,\"ts\":null}", T0))
                .ddl(SOURCE.formatted(columns, KAFKA, "'format' = 'json'") + ";\n" + sink("registered", columns,
                        "'format' = 'avro-confluent', 'avro-confluent.url' = '${schema.registry.url}'"))
                .dml("INSERT INTO registered SELECT * FROM src")
                .output("registered")
                .build());

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
        assertThat(result.table("registered")).containsExactlyRows(
                Row.of("id", 1, "name", "x", "price", 2.5, "ts", "2024-01-01 00:00:01"),
                Row.of("id", 2, "name", null, "price", null, "ts", null));
    }

    private static final String ORDERS = """
            CREATE TABLE orders (order_id STRING, amount INT, ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
            ) WITH ('connector' = 'kafka', 'topic' = '${topic.orders}', %s,
              'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset',
              'scan.watermark.emit.strategy' = 'on-event', 'format' = 'json')""".formatted(KAFKA);

    @Test
    void deduplicationAndWindowsAgainstTheLabelledInput() {
        GeneratedData data = DataGenerator.forSchema(RecordSchema.fromDdl(ORDERS))
                .seed(11)
                .records(300)
                .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(100)))
                .field("order_id", FieldRule.random().distinct(40))
                .outOfOrder(Duration.ofSeconds(3), 0.3)
                .lateRecords(5, Duration.ofSeconds(20))
                .duplicates(Duplicates.count(20))
                .generate();
        assertThat(data.withOrigin(RecordLabel.Origin.LATE)).extracting(GeneratedRecord::lateness)
                .containsOnly(Lateness.LATE);

        CaseResult result = runner.run(SqlCase.named("dedup and windows, generated").topic("orders", 1)
                .topic("first", 1).topic("last", 1).topic("per_window", 1).topic("floored", 1)
                .input("orders", data)
                .ddl(ORDERS + ";\n" + """
                        CREATE TABLE %s (order_id STRING, amount INT, ts TIMESTAMP(3), PRIMARY KEY (order_id) NOT ENFORCED)
                          WITH ('connector' = 'upsert-kafka', 'topic' = '${topic.%s}', %s, 'key.format' = 'json',
                          'value.format' = 'json');
                        """.formatted("`first`", "first", KAFKA)
                        + """
                        CREATE TABLE `last` (order_id STRING, amount INT, ts TIMESTAMP(3), PRIMARY KEY (order_id) NOT ENFORCED)
                          WITH ('connector' = 'upsert-kafka', 'topic' = '${topic.last}', %s, 'key.format' = 'json',
                          'value.format' = 'json');
                        """.formatted(KAFKA)
                        + sink("per_window", "window_start TIMESTAMP(3), window_end TIMESTAMP(3), orders BIGINT",
                                "'format' = 'json'") + ";\n"
                        + """
                        CREATE TABLE floored (window_start TIMESTAMP(3), window_end TIMESTAMP(3), orders BIGINT,
                          PRIMARY KEY (window_start) NOT ENFORCED)
                          WITH ('connector' = 'upsert-kafka', 'topic' = '${topic.floored}', %s, 'key.format' = 'json',
                          'value.format' = 'json')""".formatted(KAFKA))
                .dml("""
                        EXECUTE STATEMENT SET BEGIN
                        INSERT INTO `first` SELECT order_id, amount, ts FROM (SELECT *, ROW_NUMBER() OVER (
                          PARTITION BY order_id ORDER BY ts ASC) AS rn FROM orders) WHERE rn = 1;
                        INSERT INTO `last` SELECT order_id, amount, ts FROM (SELECT *, ROW_NUMBER() OVER (
                          PARTITION BY order_id ORDER BY ts DESC) AS rn FROM orders) WHERE rn = 1;
                        INSERT INTO per_window SELECT window_start, window_end, COUNT(*)
                          FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND))
                          GROUP BY window_start, window_end;
                        INSERT INTO floored SELECT FLOOR(ts TO MINUTE) + INTERVAL '10' SECOND * (EXTRACT(SECOND FROM ts) / 10),
                          FLOOR(ts TO MINUTE) + INTERVAL '10' SECOND * (EXTRACT(SECOND FROM ts) / 10 + 1), COUNT(*)
                          FROM orders GROUP BY FLOOR(ts TO MINUTE), EXTRACT(SECOND FROM ts) / 10;
                        END""")
                .output("first").output("last").output("per_window").output("floored")
                .build());

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
        assertThat(result.table("first")).isUniqueBy("order_id").keepsFirstByEventTimeOf(data, "order_id");
        assertThat(result.table("last")).isUniqueBy("order_id").keepsLastByEventTimeOf(data, "order_id");
        assertThat(result.table("per_window")).isUniqueBy("window_start").allAlignedTo(Duration.ofSeconds(10))
                .hasWindows("2026-01-01 00:00:00", "2026-01-01 00:00:10", "2026-01-01 00:00:20")
                .hasNotFired("2026-01-01 00:01:00")
                .countsNoLateRecordOf(data, "orders");
        // a GROUP BY on floored timestamps is no window: it counts the late records too
        assertThat(result.table("floored")).allAlignedTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> assertThat(result.table("floored")).countsNoLateRecordOf(data, "orders"))
                .hasMessageContaining("to count in column 'orders' no record of its input (325 records, seed 11, 68 behind the watermark)")
                .hasMessageContaining("more records than arrived in time");
    }
}
