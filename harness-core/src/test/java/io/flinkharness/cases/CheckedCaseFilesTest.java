package io.flinkharness.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.SharedTestEnvironment;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window, uniqueness and deduplication checks written in a case file, run on real Kafka and Flink against the
 * generated input's labels; and the messages of such checks written wrong.
 */
class CheckedCaseFilesTest {
    private static final String CASE = """
            name: windows and dedup, checked
            topics:
              clicks: { partitions: 1 }
              counts: { partitions: 1 }
              first_clicks: { partitions: 1 }
            generate:
              clicks:
                schema: { table: clicks }
                seed: 42
                records: 200
                time: { start: 2026-01-01T00:00:00Z, every: 100ms }
                outOfOrder: { maxDelay: 1s, fraction: 0.1 }
                late: { count: 5, behind: 30s }
                duplicates: { count: 10 }
                fields:
                  click_id: { sequence: { start: c- } }
                  user_id: { distinct: 10 }
            ddl: |
              CREATE TABLE clicks (
                click_id STRING,
                user_id STRING,
                ts TIMESTAMP(3),
                WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
              ) WITH (
                'connector' = 'kafka', 'topic' = '${topic.clicks}',
                'properties.bootstrap.servers' = '${bootstrap.servers}',
                'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset',
                'scan.watermark.emit.strategy' = 'on-event', 'format' = 'json'
              );
              CREATE TABLE counts (window_start TIMESTAMP(3), window_end TIMESTAMP(3), clicks BIGINT) WITH (
                'connector' = 'kafka', 'topic' = '${topic.counts}',
                'properties.bootstrap.servers' = '${bootstrap.servers}',
                'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = '${case.id}',
                'format' = 'json'
              );
              CREATE TABLE first_clicks (click_id STRING, user_id STRING, ts TIMESTAMP(3),
                PRIMARY KEY (click_id) NOT ENFORCED
              ) WITH (
                'connector' = 'upsert-kafka', 'topic' = '${topic.first_clicks}',
                'properties.bootstrap.servers' = '${bootstrap.servers}',
                'key.format' = 'json', 'value.format' = 'json'
              );
            dml: |
              EXECUTE STATEMENT SET BEGIN
              INSERT INTO counts SELECT window_start, window_end, COUNT(*)
                FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
                GROUP BY window_start, window_end;
              INSERT INTO first_clicks SELECT click_id, user_id, ts FROM (
                SELECT *, ROW_NUMBER() OVER (PARTITION BY click_id ORDER BY ts ASC) AS rn FROM clicks)
                WHERE rn = 1;
              END
            expect:
              - topic: counts
                windows:
                  tumble: 10s
                  present: ["2026-01-01 00:00:00", "2026-01-01 00:00:10"]
                  noOthers: true
                  noLateRecordCounted: { input: clicks, count: clicks }
                oracle:
                  input: clicks
                  tumble: 10s
                  aggregates: { clicks: count(*) }
              - topic: first_clicks
                mode: upsert
                unique: [click_id]
                dedup: { input: clicks, key: click_id, keep: first }
            validate:
              - name: no click kept twice
                sql: SELECT click_id, COUNT(*) AS n FROM first_clicks GROUP BY click_id HAVING COUNT(*) > 1
                rows: []
              - name: two windows from midnight
                sql: |
                  SELECT COUNT(*) AS windows, MIN(window_start) AS first_window FROM counts
                rows: [{ windows: 2, first_window: "2026-01-01 00:00:00" }]
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void windowAndDedupChecksPassOnWhatFlinkWrote() throws IOException {
        SqlCase c = CaseFiles.load(write("checked.yaml", CASE));

        CaseResult result = SharedTestEnvironment.runner().run(c);

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.PASSED);
    }

    @Test
    void aCheckThatDoesNotHoldFailsTheCaseWithItsMessage() throws IOException {
        SqlCase c = CaseFiles.load(write("wrong.yaml", CASE.replace("tumble: 10s", "tumble: 4s")
                .replace("keep: first", "keep: last").replace("windows: 2, first", "windows: 3, first")));

        CaseResult result = SharedTestEnvironment.runner().run(c);

        assertThat(result.status()).isEqualTo(CaseResult.Status.FAILED);
        assertThat(result.message())
                .contains("to be tumbling windows of 4s\nbut found 2 windows that are not:")
                .contains("to keep the last record per click_id by event time of its input")
                .contains("to contain exactly, in any order, 5 rows (on columns window_start, window_end, clicks)")
                .contains("Expecting table validation 'two windows from midnight' (" + dir.resolve("wrong.yaml")
                        + ":72 validate[1], append, 1 row)\n")
                .contains("    - 3       | 2026-01-01 00:00:00\n    + 2       | 2026-01-01 00:00:00\n")
                .contains("query:\n  SELECT COUNT(*) AS windows, MIN(window_start) AS first_window FROM counts")
                .contains("generated input: topic 'clicks' seed 42");
    }

    @Test
    void rowsMatchInOrderOrAsASubset() throws IOException {
        String match = """
                  - topic: counts
                    columns: [window_start]
                    match: %s
                    rows: [%s]
                    windows:""".indent(2).stripTrailing();
        String counts = "  - topic: counts\n    windows:";
        assertThat(CASE).contains(counts);
        SqlCase reversed = CaseFiles.load(write("in-order.yaml", CASE.replace(counts, match.formatted("in-order",
                "{ window_start: \"2026-01-01 00:00:10\" }, { window_start: \"2026-01-01 00:00:00\" }"))));
        SqlCase subset = CaseFiles.load(write("contains.yaml", CASE.replace(counts, match.formatted("contains",
                "{ window_start: \"2026-01-01 00:00:10\" }"))));

        CaseResult inOrder = SharedTestEnvironment.runner().run(reversed);
        CaseResult contains = SharedTestEnvironment.runner().run(subset);

        assertThat(inOrder.status()).isEqualTo(CaseResult.Status.FAILED);
        assertThat(inOrder.message()).contains("to contain exactly, in this order, 2 rows (on columns window_start)");
        assertThat(contains.status()).as(contains.message()).isEqualTo(CaseResult.Status.PASSED);
    }

    @Test
    void aValidationQueryFlinkRejectsIsAnErrorThatSaysWhere() throws IOException {
        SqlCase c = CaseFiles.load(write("bad-query.yaml", CASE.replace("FROM first_clicks GROUP BY",
                "FROM first_click GROUP BY")));

        CaseResult result = SharedTestEnvironment.runner().run(c);

        assertThat(result.status()).isEqualTo(CaseResult.Status.ERROR);
        assertThat(result.message()).contains(dir.resolve("bad-query.yaml") + ":69 validate[0]: the validation"
                + " query failed: ").contains("first_click").contains("the tables it can read: [clicks, counts,"
                + " first_clicks]");
    }

    @Test
    void checksWrittenWrongAreNamedWhereTheyAre() throws IOException {
        List<String[]> mistakes = List.of(
                new String[] {"tumble: 10s", "tumble: ten", ":55:15: expect[0].windows.tumble: 'ten' is not a"
                        + " duration — write e.g. 500ms, 10s, 1m or PT1M"},
                new String[] {"tumble: 10s", "tumble: 10s\n      hop: { size: 10s, slide: 5s }", ":55:7:"
                        + " expect[0].windows: more than one of tumble, hop and cumulate — give the one windowing the"
                        + " query uses"},
                new String[] {"input: clicks, count: clicks", "input: click, count: clicks", ":58:37:"
                        + " expect[0].windows.noLateRecordCounted.input: topic 'click' has no generated input — the"
                        + " check needs the labelled records of a generate: section; did you mean 'clicks'? (topics"
                        + " with generated input: clicks)"},
                new String[] {"keep: first", "keep: newest", ":66:50: expect[1].dedup.keep: unknown keep 'newest' —"
                        + " write keep: first (ORDER BY rowtime ASC) or keep: last (ORDER BY rowtime DESC)"},
                new String[] {"aggregates: { clicks: count(*) }", "aggregates: { clicks: count(distinct *) }",
                        ":62:29: expect[0].oracle.aggregates.clicks: 'count(distinct *)': only count takes * — write"
                                + " count(*), count(field), count(distinct field), sum(field), avg(field), min(field) or"
                                + " max(field)"},
                new String[] {"unique: [click_id]", "unique: []", ":65:13: expect[1].unique: is empty — list the"
                        + " columns no two rows may share, e.g. unique: [order_id]"});
        for (String[] m : mistakes) {
            Path file = write("mistake.yaml", CASE.replace(m[0], m[1]));
            assertThat(CaseFiles.loadAll(file)).singleElement()
                    .satisfies(l -> assertThat(l.error().orElseThrow()).hasMessage(file + m[2]));
        }
    }
}
