package io.flinkharness.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.gateway.SqlScript;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.results.Tolerance;
import io.flinkharness.rows.Row;
import io.flinkharness.run.Expectation;
import io.flinkharness.run.OutputMode;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFilesTest {
    private static final String VALID = """
            name: clicks per user
            timeout: 30s
            topics:
              clicks: { partitions: 4 }
              counts: { partitions: 1 }
            input:
              clicks:
                - { key: alice, value: { user: alice, amount: 3 }, timestamp: "2024-01-01T00:00:01Z", partition: 0, headers: { source: test } }
                - key: bob
                  value: '{"user":"bob"}'
                  timestamp: 2024-01-01T00:00:02Z
                  partition: 3
                - { key: null, value: null, timestamp: "2024-01-01T00:00:03Z" }
            ddl: |
              CREATE TABLE clicks (a INT);
            dml: |
              INSERT INTO counts SELECT 1
            expect:
              - topic: counts
                mode: append
                rows:
                  - { user: alice, clicks: 2, total: 5.50 }
              - topic: clicks
                mode: upsert
                rows: []
            """;

    @TempDir
    Path dir;

    @Test
    void loadsEveryField() throws IOException {
        Path file = write("clicks.yaml", VALID);

        SqlCase c = CaseFiles.load(file);

        assertThat(c.name()).isEqualTo("clicks per user");
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.topics()).containsExactly(Map.entry("clicks", 4), Map.entry("counts", 1));
        assertThat(c.inputs().get("clicks")).containsExactly(
                TestRecord.of("alice", "{\"user\":\"alice\",\"amount\":3}", Instant.parse("2024-01-01T00:00:01Z"))
                        .withPartition(0).withHeader("source", "test"),
                TestRecord.of("bob", "{\"user\":\"bob\"}", Instant.parse("2024-01-01T00:00:02Z")).withPartition(3),
                new TestRecord(null, null, Instant.parse("2024-01-01T00:00:03Z"), OptionalInt.empty(), Map.of()));
        assertThat(c.ddl()).isEqualTo("CREATE TABLE clicks (a INT);\n");
        assertThat(c.dml()).isEqualTo("INSERT INTO counts SELECT 1\n");
        assertThat(c.expectations()).hasSize(2);
        assertThat(c.expectations().get(0).mode()).isEqualTo(OutputMode.APPEND);
        assertThat(c.expectations().get(0).rows()).containsExactly(Row.of("user", "alice", "clicks", 2, "total", 5.5));
        assertThat(c.expectations().get(1).mode()).isEqualTo(OutputMode.UPSERT);
        assertThat(c.source()).isEqualTo(file.toString());
    }

    @Test
    void sqlStatementsKnowTheirLineInTheFile() throws IOException {
        Path file = write("lines.yaml", """
                name: lines
                topics: { out: { partitions: 1 } }
                ddl: |
                  CREATE TABLE a (x INT) WITH ('connector' = 'datagen');

                  CREATE TABLE b (x INT) WITH ('connector' = 'blackhole')
                dml: INSERT INTO b SELECT x FROM a
                """);

        SqlCase c = CaseFiles.load(file);

        assertThat(c.ddlLine()).isEqualTo(4);
        assertThat(c.dmlLine()).isEqualTo(7);
        assertThat(SqlScript.split(c.ddl(), "ddl", c.ddlLine())).extracting(SqlStatement::line).containsExactly(4, 6);
    }

    @Test
    void defaultsTimeoutAndAppendMode() throws IOException {
        Path file = write("minimal.yaml", """
                name: minimal
                topics: { out: { partitions: 1 } }
                dml: INSERT INTO out SELECT 1
                expect:
                  - { topic: out, rows: [ { a: 1 } ] }
                """);

        SqlCase c = CaseFiles.load(file);

        assertThat(c.timeout()).isEqualTo(SqlCase.DEFAULT_TIMEOUT);
        assertThat(c.inputs()).isEmpty();
        assertThat(c.ddl()).isEmpty();
        assertThat(c.expectations().get(0).mode()).isEqualTo(OutputMode.APPEND);
    }

    @Test
    void badYamlSyntax() throws IOException {
        Path file = write("bad.yaml", VALID.replace("name: clicks per user", "name: clicks: per user"));

        assertThatThrownBy(() -> CaseFiles.load(file)).isInstanceOf(CaseFileException.class).hasMessage(file
                + ":1:13: YAML syntax: mapping values are not allowed here — check the indentation and quoting there:"
                + " a value that contains ': ' or ' #', or starts with '{', '[', '*' or '&', needs quotes");
    }

    @Test
    void unclosedFlowMapping() throws IOException {
        Path file = write("bad.yaml", VALID.replace("clicks: { partitions: 4 }", "clicks: { partitions: 4"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file
                + ":5:9: YAML syntax: expected ',' or '}', but got : (while parsing a flow mapping that starts at"
                + " line 4) — check the indentation and quoting there: a value that contains ': ' or ' #', or starts"
                + " with '{', '[', '*' or '&', needs quotes");
    }

    @Test
    void unknownFieldSuggestsTheClosest() throws IOException {
        Path file = write("typo.yaml", VALID.replace("partition: 3", "partiton: 3"));

        assertThatThrownBy(() -> CaseFiles.load(file))
                .hasMessage(file + ":12:7: input.clicks[1].partiton: unknown field 'partiton' — did you mean"
                        + " 'partition'? (known fields: key, value, timestamp, partition, headers)")
                .isInstanceOfSatisfying(CaseFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(12);
                    assertThat(e.column()).isEqualTo(7);
                    assertThat(e.field()).isEqualTo("input.clicks[1].partiton");
                });
    }

    @Test
    void unknownTopLevelField() throws IOException {
        Path file = write("typo.yaml", VALID.replace("timeout: 30s", "timeot: 30s"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":2:1: timeot: unknown field 'timeot'"
                + " — did you mean 'timeout'? (known fields: name, tags, timeout, topics, input, generate, ddl, ddlFile, dml,"
                + " dmlFile, expect, validate, run)");
    }

    @Test
    void unknownFieldWithNothingClose() throws IOException {
        Path file = write("typo.yaml",
                VALID.replace("clicks: { partitions: 4 }", "clicks: { partitions: 4, retention: 1 }"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file
                + ":4:28: topics.clicks.retention: unknown field 'retention' — known fields: partitions");
    }

    @Test
    void wrongTypeOfScalar() throws IOException {
        Path file = write("type.yaml", VALID.replace("clicks: { partitions: 4 }", "clicks: { partitions: four }"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":4:25: topics.clicks.partitions: expected"
                + " a whole number, got the text \"four\" — write a whole number without quotes, e.g. 4");
    }

    @Test
    void fractionIsNotAWholeNumber() throws IOException {
        Path file = write("type.yaml", VALID.replace("partition: 3", "partition: 2.5"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":12:18: input.clicks[1].partition: expected"
                + " a whole number, got the number 2.5 — write a whole number without quotes, e.g. 4");
    }

    @Test
    void textWhereAListBelongs() throws IOException {
        Path file = write("type.yaml", VALID.replace("rows: []", "rows: none"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":25:11: expect[1].rows: expected a list,"
                + " got the text \"none\" — write a list: one '- item' per line, or [a, b]");
    }

    @Test
    void mappingWhereTextBelongs() throws IOException {
        Path file = write("type.yaml", VALID.replace("headers: { source: test }", "headers: { source: [a, b] }"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":8:124: input.clicks[0].headers.source:"
                + " expected text, got a list — write a single value; quote it if it contains ': ', ' #' or starts"
                + " with '{' or '['");
    }

    @Test
    void fileThatIsNotAMapping() throws IOException {
        Path file = write("list.yaml", "- name: a\n- name: b\n");

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":1:1: expected a mapping of the case's"
                + " fields, got a list — a case file is a mapping with name, topics, input, ddl, dml and expect");
    }

    @Test
    void missingTimestamp() throws IOException {
        Path file = write("ts.yaml", VALID.replace("      timestamp: 2024-01-01T00:00:02Z\n", ""));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":9:7: input.clicks[1].timestamp: missing"
                + " — every input record needs its Kafka timestamp as an ISO-8601 instant, e.g. timestamp:"
                + " \"2024-01-01T00:00:01Z\"");
    }

    @Test
    void timestampThatIsNotAnInstant() throws IOException {
        Path file = write("ts.yaml", VALID.replace("2024-01-01T00:00:02Z", "2024-01-01 00:00:02"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":11:18: input.clicks[1].timestamp:"
                + " '2024-01-01 00:00:02' is not an ISO-8601 instant — every input record needs its Kafka timestamp"
                + " as an ISO-8601 instant, e.g. timestamp: \"2024-01-01T00:00:01Z\"");
    }

    @Test
    void missingValue() throws IOException {
        Path file = write("value.yaml", VALID.replace("      value: '{\"user\":\"bob\"}'\n", ""));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":9:7: input.clicks[1].value: missing"
                + " — give the record's value (a mapping is sent as JSON, text as is); write value: null for a"
                + " tombstone");
    }

    @Test
    void inputForUndeclaredTopic() throws IOException {
        Path file = write("topic.yaml", VALID.replace("input:\n  clicks:", "input:\n  clikcs:"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":7:3: input.clikcs: topic 'clikcs' is not"
                + " declared under topics — did you mean 'clicks'? (declared topics: clicks, counts)");
    }

    @Test
    void expectationForUndeclaredTopic() throws IOException {
        Path file = write("topic.yaml", VALID.replace("- topic: counts", "- topic: totals"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":19:12: expect[0].topic: topic 'totals' is"
                + " not declared under topics — declared topics: clicks, counts");
    }

    @Test
    void partitionOutOfRange() throws IOException {
        Path file = write("partition.yaml", VALID.replace("partition: 3", "partition: 4"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":12:18: input.clicks[1].partition:"
                + " partition 4 is out of range: the topic has 4 partitions — use 0..3, or declare more partitions"
                + " under topics");
    }

    @Test
    void topicWithoutPartitions() throws IOException {
        Path file = write("partitions.yaml", VALID.replace("counts: { partitions: 1 }", "counts: { partitions: 0 }"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":5:25: topics.counts.partitions: must be at"
                + " least 1, got 0 — a Kafka topic has 1 or more partitions");
    }

    @Test
    void unknownMode() throws IOException {
        Path file = write("mode.yaml", VALID.replace("mode: append", "mode: upsrt"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":20:11: expect[0].mode: unknown mode"
                + " 'upsrt' — did you mean 'upsert'? (modes: append, upsert, retract, changelog); append: every record"
                + " is a row, upsert: the last value per key is the row, retract: the changes of a changelog format"
                + " applied, changelog: every change is a row with its op");
    }

    @Test
    void retractAndChangelogModes() throws IOException {
        Path retract = write("retract.yaml", VALID.replace("mode: append", "mode: retract"));
        Path changelog = write("changelog.yaml", VALID.replace("mode: append", "mode: CHANGELOG"));

        assertThat(CaseFiles.load(retract).expectations().get(0).mode()).isEqualTo(OutputMode.RETRACT);
        assertThat(CaseFiles.load(changelog).expectations().get(0).mode()).isEqualTo(OutputMode.CHANGELOG);
    }

    private static final String COMPARED = VALID.replace(
            "    mode: append\n    rows:\n      - { user: alice, clicks: 2, total: 5.50 }",
            "    mode: append\n    columns: [user, total, at]\n    tolerance: { total: 0.01, at: 250ms }\n"
                    + "    rows:\n      - { user: alice, total: 5.50, at: \"2024-01-01 00:00:00\" }");

    @Test
    void columnsAndTolerances() throws IOException {
        Path file = write("compared.yaml", COMPARED);

        Expectation expectation = CaseFiles.load(file).expectations().get(0);

        assertThat(expectation.columns()).containsExactly("user", "total", "at");
        assertThat(expectation.tolerances()).containsExactly(
                Map.entry("total", Tolerance.of(new java.math.BigDecimal("0.01"))),
                Map.entry("at", Tolerance.of(Duration.ofMillis(250))));
        assertThat(expectation.rows()).containsExactly(Row.of("user", "alice", "total", 5.5, "at",
                "2024-01-01 00:00:00"));
    }

    @Test
    void aRowWithAColumnThatIsNotCompared() throws IOException {
        Path file = write("compared.yaml", COMPARED.replace("{ user: alice, total: 5.50,",
                "{ user: alice, clicks: 2, total: 5.50,"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":24:24: expect[0].rows[0].clicks: column"
                + " 'clicks' is not among columns [user, total, at] — compare on it too, or leave it out of the row");
    }

    @Test
    void aRowWithoutAComparedColumn() throws IOException {
        Path file = write("compared.yaml", COMPARED.replace(", at: \"2024-01-01 00:00:00\" }", " }"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":24:9: expect[0].rows[0]: no value for"
                + " column 'at' of columns [user, total, at] — give every compared column");
    }

    @Test
    void emptyOrRepeatedColumns() throws IOException {
        Path empty = write("empty.yaml", COMPARED.replace("columns: [user, total, at]", "columns: []"));
        Path twice = write("twice.yaml", COMPARED.replace("columns: [user, total, at]", "columns: [user, total, user]"));

        assertThatThrownBy(() -> CaseFiles.load(empty)).hasMessage(empty + ":21:14: expect[0].columns: is empty —"
                + " list the columns to compare on, or leave columns out to compare every column");
        assertThatThrownBy(() -> CaseFiles.load(twice)).hasMessage(twice + ":21:28: expect[0].columns[2]: column"
                + " 'user' is listed twice — list each column once");
    }

    @Test
    void columnsThatAreNotAList() throws IOException {
        Path file = write("text.yaml", COMPARED.replace("columns: [user, total, at]", "columns: user"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":21:14: expect[0].columns: expected a list,"
                + " got the text \"user\" — write a list: one '- item' per line, or [a, b]");
    }

    @Test
    void badTolerances() throws IOException {
        Path negative = write("negative.yaml", COMPARED.replace("total: 0.01", "total: -0.01"));
        Path text = write("text.yaml", COMPARED.replace("at: 250ms", "at: soon"));
        Path list = write("list.yaml", COMPARED.replace("at: 250ms", "at: [1, 2]"));
        Path other = write("other.yaml", COMPARED.replace("at: 250ms", "clicks: 1"));
        String fix = " — write a number (0.01) for a FLOAT, DOUBLE or DECIMAL column, a duration (250ms, 1s) for a"
                + " TIMESTAMP, TIMESTAMP_LTZ or TIME column";

        assertThatThrownBy(() -> CaseFiles.load(negative)).hasMessage(negative + ":22:25: expect[0].tolerance.total:"
                + " must not be negative, got -0.01" + fix);
        assertThatThrownBy(() -> CaseFiles.load(text)).hasMessage(text + ":22:35: expect[0].tolerance.at: 'soon' is"
                + " neither a number nor a duration" + fix);
        assertThatThrownBy(() -> CaseFiles.load(list)).hasMessage(list + ":22:35: expect[0].tolerance.at: expected a"
                + " number or a duration, got a list" + fix);
        assertThatThrownBy(() -> CaseFiles.load(other)).hasMessage(other + ":22:31: expect[0].tolerance.clicks:"
                + " column 'clicks' is not among columns [user, total, at] — compare on it too, or give no tolerance"
                + " for it");
    }

    @Test
    void timeoutWithoutUnit() throws IOException {
        Path file = write("timeout.yaml", VALID.replace("timeout: 30s", "timeout: 30"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":2:10: timeout: '30' is not a duration"
                + " — write a positive number with a unit: 500ms, 60s, 2m");
    }

    @Test
    void timeoutUnits() throws IOException {
        for (var t : Map.of("500ms", Duration.ofMillis(500), "2m", Duration.ofMinutes(2), "PT90S",
                Duration.ofSeconds(90)).entrySet()) {
            Path file = write("timeout.yaml", VALID.replace("timeout: 30s", "timeout: " + t.getKey()));
            assertThat(CaseFiles.load(file).timeout()).as(t.getKey()).isEqualTo(t.getValue());
        }
    }

    @Test
    void missingDml() throws IOException {
        Path file = write("dml.yaml", VALID.replace("dml: |\n  INSERT INTO counts SELECT 1\n", ""));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":1:1: dml: missing — give the statement"
                + " under test, e.g. dml: INSERT INTO counts SELECT ... (or dmlFile: path/to/statement.sql)");
    }

    @Test
    void missingName() throws IOException {
        Path file = write("name.yaml", VALID.replace("name: clicks per user\n", ""));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":1:1: name: missing — give the case a name,"
                + " e.g. name: orders per minute");
    }

    @Test
    void duplicateKey() throws IOException {
        Path file = write("dup.yaml", VALID.replace("timeout: 30s", "timeout: 30s\nname: again"));

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":3:1: name: appears twice (first at line 1)"
                + " — keep one of them");
    }

    @Test
    void secondDocument() throws IOException {
        Path file = write("two.yaml", VALID + "---\nname: other\n");

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":27:1: a second YAML document starts here"
                + " — put several cases in one document under cases:, or one case per file");
    }

    @Test
    void emptyFile() throws IOException {
        Path file = write("empty.yaml", "# nothing yet\n");

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":1:1: the file is empty — a case file needs"
                + " at least name, topics and dml");
    }

    @Test
    void unreadableFile() {
        Path file = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> CaseFiles.load(file)).isInstanceOf(CaseFileException.class)
                .hasMessage(file + ": cannot read: java.nio.file.NoSuchFileException: " + file);
    }

    @Test
    void loadAllKeepsGoingPastABadFile() throws IOException {
        Path good = write("a-good.yaml", VALID);
        Path bad = write("b-bad.yaml", VALID.replace("partition: 3", "partition: 9"));
        write("notes.txt", "not a case");
        write(".#a-good.yaml", "an editor's lock file: [");
        Files.createDirectories(dir.resolve("nested"));
        Path nested = write("nested/c.yml", VALID.replace("clicks per user", "nested"));

        List<LoadedCase> loaded = CaseFiles.loadAll(dir);

        assertThat(loaded).extracting(LoadedCase::file).containsExactly(good, bad, nested);
        assertThat(loaded).extracting(LoadedCase::isLoaded).containsExactly(true, false, true);
        assertThat(loaded.get(1).error()).get().extracting(CaseFileException::line).isEqualTo(12);
        assertThat(loaded.get(2).sqlCase()).get().extracting(SqlCase::name).isEqualTo("nested");
    }

    @Test
    void loadAllOfOneFile() throws IOException {
        Path good = write("a.yaml", VALID);

        assertThat(CaseFiles.loadAll(good)).extracting(LoadedCase::file).containsExactly(good);
    }

    @Test
    void loadAllOfAMissingPath() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> CaseFiles.loadAll(missing)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(missing + ": no such file or directory");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
