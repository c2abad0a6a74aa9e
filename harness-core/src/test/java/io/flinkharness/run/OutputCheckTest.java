package io.flinkharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.gateway.SqlScript;
import io.flinkharness.kafka.OutputRecord;
import io.flinkharness.results.ResultTable;
import io.flinkharness.rows.Row;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the runner compares an output: typed by the sink table of the case's DDL, or as JSON rows without one. */
class OutputCheckTest {
    private static final String DDL = """
            CREATE TABLE src (a INT) WITH ('connector' = 'kafka', 'topic' = 'src-1', 'format' = 'json');
            CREATE TABLE counts (`user` STRING, clicks BIGINT, ts TIMESTAMP(3)) WITH ('connector' = 'kafka',
              'topic' = 'counts-1', 'format' = 'json')""";

    private static OutputRecord record(long offset, String json) {
        return new OutputRecord("counts-1", 0, offset, null, json, Instant.EPOCH, Map.of());
    }

    private static final List<OutputRecord> RECORDS = List.of(
            record(0, "{\"user\":\"a\",\"clicks\":2,\"ts\":\"2024-01-01 00:00:00\"}"),
            record(1, "{\"user\":\"b\",\"clicks\":1,\"ts\":\"2024-01-01 00:00:10\"}"));

    private static OutputCheck check(String ddl) {
        return new OutputCheck(SqlScript.split(ddl, "case 'c' ddl"), Optional.empty());
    }

    @Test
    void theSinkTableTypesTheRowsAndTheTableIsKept() {
        OutputCheck check = check(DDL);

        check.check(Expectation.of("counts", Row.of("user", "a", "clicks", 2, "ts", "2024-01-01T00:00:00"),
                Row.of("user", "b", "clicks", "1", "ts", "2024-01-01 00:00:10")), "counts-1", RECORDS);

        assertThat(check.mismatches()).isEmpty();
        assertThat(check.tables().get("counts").describe())
                .isEqualTo("table counts (topic counts-1, read_committed, append, 2 rows)");
    }

    @Test
    void aMismatchIsTheTableDiff() {
        OutputCheck check = check(DDL);

        check.check(Expectation.of("counts", Row.of("user", "a", "clicks", 2, "ts", "2024-01-01 00:00:00"),
                Row.of("user", "b", "clicks", 3, "ts", "2024-01-01 00:00:10")), "counts-1", RECORDS);

        assertThat(check.mismatches()).containsExactly("""
                Expecting table counts (topic counts-1, read_committed, append, 2 rows)
                to contain exactly, in any order, 2 rows
                but could not find 1 row, and found 1 unexpected row:
                      user | clicks | ts
                  differing (1):
                    - b    | 3      | 2024-01-01 00:00:10
                    + b    | 1      | 2024-01-01 00:00:10
                             ^""");
    }

    @Test
    void aTopicWithoutASinkTableIsComparedAsJsonRows() {
        OutputCheck check = check("CREATE TABLE src (a INT) WITH ('connector' = 'kafka', 'topic' = 'src-1')");

        check.check(Expectation.of("counts", Row.of("user", "a", "clicks", 2, "ts", "2024-01-01 00:00:00"),
                Row.of("user", "b", "clicks", 3, "ts", "2024-01-01 00:00:10")).onColumns("user", "clicks"),
                "counts-1", RECORDS);

        assertThat(check.tables()).isEmpty();
        assertThat(check.mismatches()).containsExactly("""
                Expecting topic 'counts' (counts-1, append, read_committed)
                to contain exactly, in any order, 2 rows
                but could not find 1 row, and found 1 unexpected row:
                      user | clicks
                  differing (1):
                    - b    | 3
                    + b    | 1
                             ^""");
    }

    @Test
    void aSinkTableThatCannotBeReadIsNamedUnderTheDiff() {
        OutputCheck check = check(DDL.replace("ts TIMESTAMP(3)", "at TIMESTAMP(3)"));

        check.check(Expectation.of("counts", Row.of("user", "a", "clicks", 2, "at", "2024-01-01 00:00:00")),
                "counts-1", RECORDS.subList(0, 1).stream().map(r -> record(0, r.value().replace("ts", "at"))).toList());
        check.check(Expectation.of("counts", Row.of("user", "x")), "counts-1", RECORDS.subList(0, 1));

        assertThat(check.mismatches()).hasSize(1);
        assertThat(check.mismatches().get(0)).startsWith("Expecting topic 'counts' (counts-1, append, read_committed)\n")
                .contains("\ncompared as untyped JSON rows, the sink table could not be read: statement 2 (line 2) of"
                        + " case 'c' ddl: ");
    }

    @Test
    void tolerancesAndChangelogModesNeedTheSinkTable() {
        OutputCheck check = check("");

        assertThatThrownBy(() -> check.check(Expectation.of("counts", Row.of("clicks", 2))
                .withTolerance("clicks", new java.math.BigDecimal("1")), "counts-1", RECORDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("topic 'counts': tolerances need the topic's sink table: declare it in the case's ddl with"
                        + " 'topic' = '${topic.counts}' as a CREATE TABLE the harness can read");
        assertThatThrownBy(() -> check.check(Expectation.of("counts", OutputMode.RETRACT, List.of()), "counts-1",
                RECORDS))
                .hasMessage("topic 'counts': mode retract needs the topic's sink table: declare it in the case's ddl"
                        + " with 'topic' = '${topic.counts}' as a CREATE TABLE the harness can read");
    }

    @Test
    void anOutputIsReadAsItsSinkTableMakesRows() {
        OutputCheck check = check(DDL.replace("'connector' = 'kafka',\n  'topic' = 'counts-1'",
                "'connector' = 'upsert-kafka',\n  'topic' = 'counts-1', 'key.format' = 'json'")
                .replace("ts TIMESTAMP(3))", "ts TIMESTAMP(3), PRIMARY KEY (`user`) NOT ENFORCED)")
                .replace("'format' = 'json')\"\"\"", "'value.format' = 'json')"));

        check.check(Expectation.readOnly("counts"), "counts-1", RECORDS);

        assertThat(check.mismatches()).isEmpty();
        assertThat(check.tables().get("counts").kind()).isEqualTo(ResultTable.Kind.UPSERT);
    }
}
