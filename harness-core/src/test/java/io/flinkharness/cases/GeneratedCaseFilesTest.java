package io.flinkharness.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.kafka.TestRecord;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code generate:} section of case files: generated input from the case's own table definitions. */
class GeneratedCaseFilesTest {
    private static final String CASE = """
            name: generated clicks
            topics:
              clicks: { partitions: 3 }
              counts: { partitions: 1 }
            generate:
              clicks:
                schema: { table: clicks }
                seed: 7
                records: 300
                time: { start: 2026-01-01T00:00:00Z, every: 100ms }
                outOfOrder: { maxDelay: 1s, fraction: 0.1 }
                late: { count: 4, behind: 20s }
                partitions: { idle: [2] }
                fields:
                  user_id: { distinct: 10 }
                  amount: { range: [1, 5] }
            ddl: |
              CREATE TABLE clicks (
                user_id STRING,
                amount INT,
                ts TIMESTAMP(3),
                WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
              ) WITH ('connector' = 'kafka', 'topic' = '${topic.clicks}', 'format' = 'json');
              CREATE TABLE counts (n BIGINT) WITH ('connector' = 'kafka', 'topic' = '${topic.counts}', 'format' = 'json')
            dml: INSERT INTO counts SELECT COUNT(*) FROM clicks
            expect:
              - { topic: counts, rows: [] }
            """;

    @TempDir
    Path dir;

    @Test
    void generatesInputFromATableOfTheCasesDdl() throws IOException {
        SqlCase c = CaseFiles.load(write("clicks.yaml", CASE));

        List<TestRecord> records = c.generated().get("clicks").toTestRecords();
        assertThat(records).hasSize(304);
        assertThat(records).allSatisfy(r -> assertThat(r.partition().getAsInt()).isIn(0, 1));
        assertThat(new String(records.get(0).valueBytes(), StandardCharsets.UTF_8))
                .startsWith("{\"user_id\":\"user_id-").contains("\"ts\":\"2026-01-01 00:00:00\"");
        assertThat(c.seeds()).containsEntry("clicks", 7L);
        assertThat(CaseFiles.load(write("again.yaml", CASE)).generated().get("clicks").toTestRecords())
                .isEqualTo(records);
    }

    @Test
    void aRuleTheFieldCannotTakePointsAtTheField() throws IOException {
        Path file = write("bad.yaml", CASE.replace("amount: { range: [1, 5] }", "amount: { pattern: \"[0-9]+\" }"));

        assertThatThrownBy(() -> CaseFiles.load(file)).isInstanceOf(CaseFileException.class)
                .hasMessage(file + ":16:15: generate.clicks.fields.amount: field 'amount' rule pattern: pattern"
                        + " applies to CHAR, VARCHAR or STRING fields, not INT");
    }

    @Test
    void aBadValuePointsAtItsLine() throws IOException {
        Path file = write("bad.yaml", CASE.replace("every: 100ms", "every: 100 millis"));

        assertThatThrownBy(() -> CaseFiles.load(file))
                .hasMessage(file + ":10:49: generate.clicks.time.every: '100 millis' is not a duration — write 250ms,"
                        + " 5s, 2m, 1h, 1d or ISO-8601 like PT5S");
    }

    @Test
    void aTableThatTheDdlDoesNotCreate() throws IOException {
        Path file = write("bad.yaml", CASE.replace("schema: { table: clicks }", "schema: { table: click }"));

        assertThatThrownBy(() -> CaseFiles.load(file))
                .hasMessage(file + ":7:13: generate.clicks.schema: no CREATE TABLE click in the case's ddl (its"
                        + " tables: clicks, counts)");
    }

    @Test
    void aMisspeltKeySuggestsTheClosest() throws IOException {
        Path file = write("bad.yaml", CASE.replace("outOfOrder:", "outOfOrdr:"));

        assertThatThrownBy(() -> CaseFiles.load(file))
                .hasMessageStartingWith(file + ":11:5: generate.clicks.outOfOrdr: unknown field 'outOfOrdr' — did"
                        + " you mean 'outOfOrder'?");
    }

    @Test
    void bothInputAndGenerateForOneTopic() throws IOException {
        Path file = write("bad.yaml", CASE.replace("ddl: |", """
                input:
                  clicks:
                    - { value: x, timestamp: "2026-01-01T00:00:00Z" }
                ddl: |"""));

        assertThatThrownBy(() -> CaseFiles.load(file))
                .hasMessage(file + ":6:3: generate.clicks: topic 'clicks' has both input and generate — put the"
                        + " explicit records under generate.clicks.rows, or drop one of them");
    }

    @Test
    void anAvroFileNextToTheCase() throws IOException {
        Files.copy(Path.of("src/test/resources/data/click.avsc"), dir.resolve("click.avsc"));
        Path file = write("avro.yaml", CASE.replace("schema: { table: clicks }", "schema: { avroFile: click.avsc }")
                .replace("amount: { range: [1, 5] }", "duration_ms: { range: [1, 5] }")
                .replace("records: 300", "records: 300\n    eventTime: ts\n    watermark: { delay: 2s }"));

        SqlCase c = CaseFiles.load(file);
        assertThat(c.generated().get("clicks").size()).isEqualTo(304);
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
