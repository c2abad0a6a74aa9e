package io.flinkharness.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.data.DeclaredWatermark.Emission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordSchemaFromDdlTest {
    private static final String KAFKA = "'connector' = 'kafka', 'topic' = '${topic.clicks}',"
            + " 'properties.bootstrap.servers' = '${bootstrap.servers}', 'format' = 'json'";

    private static RecordSchema ddl(String columns, String options) {
        return RecordSchema.fromDdl("CREATE TABLE clicks (" + columns + ") WITH (" + options + ")");
    }

    private static RowType rowType(String type) {
        return (RowType) LogicalTypeParser.parse(type, RecordSchemaFromDdlTest.class.getClassLoader());
    }

    @Test
    void physicalColumnsKeepEveryTypeAsDeclared() {
        RecordSchema schema = RecordSchema.fromDdl("""
                CREATE TABLE clicks (
                  id BIGINT NOT NULL,
                  `user` STRING,
                  code CHAR(3), name VARCHAR(20),
                  ok BOOLEAN, tiny TINYINT, small SMALLINT, n INT, f FLOAT, d DOUBLE,
                  price DECIMAL(10, 2), amount DECIMAL,
                  tags ARRAY<STRING>,
                  attrs MAP<STRING, INT NOT NULL>,
                  address ROW<city STRING, zip INT, geo ROW<lat DOUBLE, lon DOUBLE>>,
                  payload BYTES, fixed BINARY(4), var VARBINARY(9),
                  dt DATE, t TIME, ts TIMESTAMP(3), ts6 TIMESTAMP, ltz TIMESTAMP_LTZ(3),
                  bag MULTISET<STRING>,
                  upper_name AS UPPER(name),
                  kafka_ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL
                ) WITH (""" + KAFKA + ")");

        assertThat(schema.rowType()).isEqualTo(rowType("ROW<id BIGINT NOT NULL, `user` STRING, code CHAR(3),"
                + " name VARCHAR(20), ok BOOLEAN, tiny TINYINT, small SMALLINT, n INT, f FLOAT, d DOUBLE,"
                + " price DECIMAL(10, 2), amount DECIMAL(10, 0), tags ARRAY<STRING>, attrs MAP<STRING, INT NOT NULL>,"
                + " address ROW<city STRING, zip INT, geo ROW<lat DOUBLE, lon DOUBLE>>, payload BYTES,"
                + " fixed BINARY(4), var VARBINARY(9), dt DATE, t TIME(0), ts TIMESTAMP(3), ts6 TIMESTAMP(6),"
                + " ltz TIMESTAMP_LTZ(3), bag MULTISET<STRING>> NOT NULL"));
        assertThat(schema.description()).isEqualTo("table clicks (CREATE TABLE at line 1)");
        assertThat(schema.eventTimeField()).isEmpty();
        assertThat(schema.watermark()).isEmpty();
        assertThat(schema.keyFields()).isEmpty();
        assertThat(schema.avroSchema()).isEmpty();
        assertThat(schema.tableOptions()).containsEntry("topic", "${topic.clicks}")
                .containsEntry("properties.bootstrap.servers", "${bootstrap.servers}").hasSize(4);
    }

    @Test
    void timePrecisionIsWhatFlinkKeepsNotWhatIsWritten() {
        // Flink's planner supports TIME(0) only: TIME(3) in DDL resolves to TIME(0)
        assertThat(ddl("t TIME(3)", KAFKA).rowType()).isEqualTo(rowType("ROW<t TIME(0)> NOT NULL"));
    }

    @Test
    void aPhysicalRowtimeIsTheEventTimeField() {
        RecordSchema schema = ddl("id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND", KAFKA);

        assertThat(schema.eventTimeField()).contains("ts");
        assertThat(schema.watermark()).contains(new DeclaredWatermark(Duration.ofSeconds(5), Emission.PERIODIC));
    }

    @Test
    void aRowtimeComputedFromOnePhysicalColumnPointsAtThatColumn() {
        RecordSchema schema = ddl("epoch_ms BIGINT, ts AS TO_TIMESTAMP_LTZ(epoch_ms, 3),"
                + " WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE", KAFKA);

        assertThat(schema.fieldNames()).containsExactly("epoch_ms");
        assertThat(schema.eventTimeField()).contains("epoch_ms");
        assertThat(schema.watermark()).contains(DeclaredWatermark.delay(Duration.ofMinutes(1)));
    }

    @Test
    void aRowtimeFromTheKafkaTimestampHasNoEventTimeField() {
        RecordSchema metadata = ddl("id INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',"
                + " WATERMARK FOR ts AS ts", KAFKA);
        RecordSchema implicitKey = ddl("id INT, `timestamp` TIMESTAMP_LTZ(3) METADATA VIRTUAL,"
                + " WATERMARK FOR `timestamp` AS `timestamp` - INTERVAL '2' SECOND", KAFKA);
        RecordSchema computedFromMetadata = ddl("id INT, kts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,"
                + " ts AS CAST(kts AS TIMESTAMP_LTZ(3)), WATERMARK FOR ts AS ts", KAFKA);

        assertThat(metadata.fieldNames()).containsExactly("id");
        assertThat(metadata.eventTimeField()).isEmpty();
        assertThat(metadata.watermark()).contains(DeclaredWatermark.delay(Duration.ZERO));
        assertThat(implicitKey.eventTimeField()).isEmpty();
        assertThat(implicitKey.watermark()).contains(DeclaredWatermark.delay(Duration.ofSeconds(2)));
        assertThat(computedFromMetadata.eventTimeField()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ts                                              | PT0S",
            "ts - INTERVAL '5' SECOND                        | PT5S",
            "ts - INTERVAL '0.25' SECOND                     | PT0.25S",
            "ts - INTERVAL '0.001' SECOND                    | PT0.001S",
            "ts - INTERVAL '90' SECOND                       | PT1M30S",
            "ts - INTERVAL '10' MINUTE                       | PT10M",
            "ts - INTERVAL '2' HOUR                          | PT2H",
            "ts - INTERVAL '1' DAY                           | PT24H",
            "ts - INTERVAL '1:30' MINUTE TO SECOND           | PT1M30S",
            "ts - INTERVAL '1:30' HOUR TO MINUTE             | PT1H30M",
            "ts - INTERVAL '2 03:04:05.5' DAY TO SECOND      | PT51H4M5.5S",
            "ts - INTERVAL '1' DAY - INTERVAL '3' HOUR       | PT27H",
            "ts - interval '7' second                        | PT7S",
    })
    void watermarkDelaysInAnyDayTimeUnit(String expression, Duration delay) {
        RecordSchema schema = ddl("id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS " + expression, KAFKA);

        assertThat(schema.watermark()).contains(DeclaredWatermark.delay(delay));
    }

    @Test
    void onEventEmissionComesFromTheTableOption() {
        String columns = "id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND";

        assertThat(ddl(columns, KAFKA + ", 'scan.watermark.emit.strategy' = 'on-event'").watermark())
                .contains(DeclaredWatermark.delay(Duration.ofSeconds(1)).onEvent());
        assertThat(ddl(columns, KAFKA + ", 'scan.watermark.emit.strategy' = 'on-periodic'").watermark())
                .contains(DeclaredWatermark.delay(Duration.ofSeconds(1)));
    }

    @Test
    void keyFieldsComeFromTheKeyFieldsOption() {
        RecordSchema schema = ddl("id BIGINT, region STRING, amount INT", KAFKA.replace("'format' = 'json'",
                "'key.format' = 'json', 'key.fields' = 'region; id', 'value.format' = 'avro',"
                        + " 'value.fields-include' = 'EXCEPT_KEY'"));

        assertThat(schema.keyFields()).containsExactly("region", "id");
        assertThat(schema.valueExcludesKey()).isTrue();
    }

    @Test
    void upsertKafkaKeysByThePrimaryKeyAndIncludesItInTheValueByDefault() {
        RecordSchema schema = ddl("region STRING, id BIGINT, amount INT, PRIMARY KEY (id, region) NOT ENFORCED",
                "'connector' = 'upsert-kafka', 'topic' = 't', 'key.format' = 'json', 'value.format' = 'json'");

        assertThat(schema.keyFields()).containsExactly("id", "region");
        assertThat(schema.valueExcludesKey()).isFalse();
        assertThat(schema.rowType()).isEqualTo(rowType(
                "ROW<region STRING NOT NULL, id BIGINT NOT NULL, amount INT> NOT NULL"));
    }

    @Test
    void aFileMayHoldOtherStatementsAndNamesItselfInTheDescription(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("clicks.sql");
        Files.writeString(file, "-- the clicks source\nSET 'parallelism.default' = '1';\n\n"
                + "CREATE TABLE clicks (\n  id INT\n) WITH (" + KAFKA + ");\nINSERT INTO x SELECT * FROM clicks;\n");

        RecordSchema schema = RecordSchema.fromDdl(file);

        assertThat(schema.description()).isEqualTo("table clicks (clicks.sql, CREATE TABLE at line 4)");
        assertThat(schema.fieldNames()).containsExactly("id");
    }

    @Test
    void aFileWithSeveralTablesNeedsTheTableName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tables.sql");
        Files.writeString(file, "CREATE TABLE a (x INT);\nCREATE TEMPORARY TABLE b (y STRING);\n");

        assertThat(RecordSchema.fromDdl(file, "b").fieldNames()).containsExactly("y");
        assertThatThrownBy(() -> RecordSchema.fromDdl(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tables.sql declares 2 tables [a, b] — name the one to read:"
                        + " RecordSchema.fromDdl(file, \"a\")");
        assertThatThrownBy(() -> RecordSchema.fromDdl(file, "c"))
                .hasMessage("tables.sql declares no table 'c'; it declares [a, b]");
    }

    @Test
    void notACreateTableIsRefused() {
        assertThatThrownBy(() -> RecordSchema.fromDdl("SELECT 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statement 1 (line 1) of the DDL given to RecordSchema.fromDdl: expected a CREATE TABLE"
                        + " statement, got 'SELECT 1' — RecordSchema.fromDdl reads the columns of a CREATE TABLE");
        assertThatThrownBy(() -> RecordSchema.fromDdl("  "))
                .hasMessage("the DDL given to RecordSchema.fromDdl holds no SQL statement — give a CREATE TABLE"
                        + " statement");
    }

    @Test
    void aSyntaxErrorGivesFlinksMessageAndPointsAtTheLine() {
        assertThatThrownBy(() -> RecordSchema.fromDdl("CREATE TABLE clicks (\n  id INT,\n  ts TIMESTAMP(3)\n"
                + "  WATERMARK FOR ts AS ts\n) WITH ('connector' = 'kafka')"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("statement 1 (line 1) of the DDL given to RecordSchema.fromDdl failed:"
                        + " SQL parse failed. Encountered \"WATERMARK\" at line 4, column 3.")
                .hasMessageContaining("     4 |   WATERMARK FOR ts AS ts\n       |   ^ line 4, column 3");
    }

    @Test
    void anUnknownTypeGivesFlinksMessage() {
        assertThatThrownBy(() -> RecordSchema.fromDdl("CREATE TABLE x (a INT, b STRNG)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("statement 1 (line 1) of the DDL given to RecordSchema.fromDdl failed: From"
                        + " line 1, column 26 to line 1, column 30: Unknown identifier 'STRNG'");
    }

    @Test
    void aLikeClauseIsRefusedWithTheFix() {
        assertThatThrownBy(() -> RecordSchema.fromDdl("CREATE TABLE x (a INT, b AS 'x' LIKE 'y%')"
                + " WITH ('connector' = 'kafka') LIKE base (EXCLUDING OPTIONS)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("statement 1 (line 1) of the DDL given to RecordSchema.fromDdl: CREATE TABLE ... LIKE is"
                        + " not supported — RecordSchema.fromDdl reads one self-contained statement; write out the"
                        + " columns and options of the LIKE source in it");
    }

    @Test
    void aWatermarkWithoutAFixedDelayIsRefusedWithTheFix() {
        assertThatThrownBy(() -> ddl("ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' MONTH", KAFKA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table clicks (CREATE TABLE at line 1): cannot read a fixed delay from WATERMARK FOR"
                        + " `ts` AS `ts` - INTERVAL '1' MONTH — fromDdl reads `ts` - INTERVAL 'n' UNIT (DAY, HOUR,"
                        + " MINUTE, SECOND or a range of them) or `ts` alone; write the watermark that way, or give"
                        + " fromDdl the statement without its WATERMARK clause and declare the delay on the generator"
                        + " with .watermark(Duration)");
        assertThatThrownBy(() -> ddl("ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND"
                + " + INTERVAL '1' SECOND", KAFKA)).hasMessageContaining("cannot read a fixed delay from");
    }

    @Test
    void aWatermarkAheadOfTheRowtimeIsRefused() {
        assertThatThrownBy(() -> ddl("ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '-5' SECOND", KAFKA))
                .hasMessage("table clicks (CREATE TABLE at line 1): WATERMARK FOR `ts` AS `ts` - INTERVAL '-5' SECOND"
                        + " puts the watermark ahead of the rowtime (delay PT-5S) — subtract a positive interval");
    }

    @Test
    void aRowtimeComputedFromSeveralColumnsIsRefused() {
        assertThatThrownBy(() -> ddl("a BIGINT, b BIGINT, ts AS TO_TIMESTAMP_LTZ(a + b, 3), WATERMARK FOR ts AS ts",
                KAFKA))
                .hasMessage("table clicks (CREATE TABLE at line 1): the rowtime `ts` AS `TO_TIMESTAMP_LTZ`(`a` + `b`,"
                        + " 3) is computed from columns [a, b] — the harness puts event time into one physical column"
                        + " (or the Kafka record timestamp): compute the rowtime from exactly one physical column,"
                        + " e.g. TO_TIMESTAMP_LTZ(epoch_ms, 3)");
    }

    @Test
    void keyFieldsThatAreNotPhysicalColumnsAreRefused() {
        assertThatThrownBy(() -> ddl("id INT, m AS id + 1", KAFKA + ", 'key.fields' = 'm', 'key.format' = 'json'"))
                .hasMessage("table clicks (CREATE TABLE at line 1): 'key.fields' names 'm', which is not a physical"
                        + " column; physical columns: [id]");
    }

    @Test
    void anUpsertKafkaTableWithoutPrimaryKeyIsRefused() {
        assertThatThrownBy(() -> ddl("id INT", "'connector' = 'upsert-kafka'"))
                .hasMessage("table clicks (CREATE TABLE at line 1): an 'upsert-kafka' table needs a PRIMARY KEY (its"
                        + " columns form the Kafka key) — add PRIMARY KEY (...) NOT ENFORCED");
    }

    @Test
    void warmCallsAreFast() {
        ddl("id INT", KAFKA);
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            ddl("id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '" + i + "' SECOND", KAFKA);
        }
        long perCallMillis = (System.nanoTime() - start) / 20 / 1_000_000;
        assertThat(perCallMillis).as("warm fromDdl per call, ms").isLessThan(200);
    }
}
