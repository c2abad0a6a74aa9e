package io.flinkharness.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated records of every supported type go through a real Flink table in each format the harness writes
 * (json, avro, avro-confluent with the environment's schema registry) and come out of a json sink exactly as
 * generated.
 */
class GeneratedFormatsRoundTripTest {
    private static final String COLUMNS = """
            id BIGINT, name STRING, flag BOOLEAN, score DOUBLE, price DECIMAL(10, 2), born DATE, seen TIMESTAMP(3),
            tags ARRAY<STRING>, attrs MAP<STRING, INT>, address ROW<city STRING, zip STRING>, payload BYTES""";

    private static final EmbeddedEnvironment env = SharedTestEnvironment.get();
    private static final CaseRunner runner = SharedTestEnvironment.runner();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "json|'format' = 'json'",
        "avro|'format' = 'avro'",
        "avro-confluent|'format' = 'avro-confluent', 'avro-confluent.url' = '${schema.registry.url}'"})
    void flinkReadsBackEveryGeneratedValue(String name, String format) {
        String source = """
                CREATE TABLE src (%s) WITH ('connector' = 'kafka', 'topic' = '${topic.src}',
                  'properties.bootstrap.servers' = '${bootstrap.servers}',
                  'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset', %s)"""
                .formatted(COLUMNS, format);
        RecordSchema schema = RecordSchema.fromDdl(source);
        GeneratedData data = DataGenerator.forSchema(schema).seed(name.hashCode()).records(200)
                .field("id", FieldRule.sequence(1, 1))
                .field("name", FieldRule.pattern("[A-Z][a-z]{2,8}").nullRate(0.2))
                .field("price", FieldRule.range("-999.99", "999.99"))
                .time(TimeModel.startingAt(DataGenerator.DEFAULT_START).every(Duration.ofMillis(10)))
                .placement(Placement.roundRobin(2))
                .generate();
        RecordEncoder asJson = RecordEncoders.json(schema.rowType());
        List<Row> expected = data.stream()
                .map(r -> Row.fromJson(new String(asJson.encode(r.value()), StandardCharsets.UTF_8))).toList();

        CaseResult result = runner.run(SqlCase.named("generated " + name + " round trip")
                .topic("src", 2).topic("copy", 1)
                .input("src", data)
                .ddl(source + ";\nCREATE TABLE copy (" + COLUMNS + ") WITH ('connector' = 'kafka',"
                        + " 'topic' = '${topic.copy}', 'properties.bootstrap.servers' = '${bootstrap.servers}',"
                        + " 'format' = 'json')")
                .dml("INSERT INTO copy SELECT * FROM src")
                .expectRows("copy", expected)
                .build());

        assertThat(result.message()).isEmpty();
        assertThat(result.status()).isEqualTo(CaseResult.Status.PASSED);
    }
}
