package io.flinkharness.samples;

import static io.flinkharness.results.ResultAssertions.assertThat;

import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.results.ResultSoftAssertions;
import io.flinkharness.results.ResultTable;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The README's result assertions: the output is read as its sink table types it, then asserted on with AssertJ
 * (windows, a tolerance for an average, the upsert table's changelog), softly.
 */
@FlinkSqlTest
class ResultAssertionsExampleTest {
    private static final String DDL = """
            CREATE TABLE orders (
              `user` STRING, amount DOUBLE, ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
            ) WITH (
              'connector' = 'kafka', 'topic' = '${topic.orders}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset',
              'format' = 'json'
            );
            CREATE TABLE averages (
              `user` STRING, window_start TIMESTAMP(3), window_end TIMESTAMP(3), avg_amount DOUBLE
            ) WITH (
              'connector' = 'kafka', 'topic' = '${topic.averages}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'format' = 'avro'
            );
            CREATE TABLE totals (`user` STRING, total DOUBLE, PRIMARY KEY (`user`) NOT ENFORCED) WITH (
              'connector' = 'upsert-kafka', 'topic' = '${topic.totals}',
              'properties.bootstrap.servers' = '${bootstrap.servers}',
              'key.format' = 'json', 'value.format' = 'json'
            )""";

    @Test
    void averagesPerWindowAndRunningTotals(CaseRunner runner) {
        CaseResult result = runner.run(SqlCase.named("averages and totals")
                .topic("orders", 1).topic("averages", 1).topic("totals", 1)
                .input("orders", order("alice", 1.0, "00:00:01"), order("alice", 2.0, "00:00:02"),
                        order("alice", 2.0, "00:00:03"), order("bob", 10.0, "00:00:12"))
                .ddl(DDL)
                .dml("""
                        EXECUTE STATEMENT SET BEGIN
                        INSERT INTO averages SELECT `user`, window_start, window_end, AVG(amount)
                          FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' SECOND))
                          GROUP BY `user`, window_start, window_end;
                        INSERT INTO totals SELECT `user`, SUM(amount) FROM orders GROUP BY `user`;
                        END""")
                .output("averages")                               // read them, typed by their sink tables
                .output("totals")
                .build()).assertPassed();

        ResultTable averages = result.table("averages");         // Avro, decoded with Flink's own format
        ResultTable totals = result.table("totals");             // upsert-kafka: the last row per key

        ResultSoftAssertions.assertSoftly(softly -> {
            softly.assertThat(averages)
                    .columns("user", "window_start", "avg_amount")
                    .usingTolerance("avg_amount", 0.01)           // 5/3 = 1.666…
                    .containsExactlyRowsInAnyOrder(
                            Row.of("user", "alice", "window_start", "2024-01-01 00:00:00", "avg_amount", 1.67),
                            Row.of("user", "bob", "window_start", "2024-01-01 00:00:10", "avg_amount", 10.0))
                    .allAlignedTo(Duration.ofSeconds(10))
                    .hasWindows("2024-01-01 00:00:00", "2024-01-01 00:00:10").hasNoOtherWindows();
            softly.assertThat(totals)
                    .isUniqueBy("user")
                    .containsExactlyRowsInAnyOrder(Row.of("user", "alice", "total", 5.0),
                            Row.of("user", "bob", "total", 10.0));
            softly.assertThat(totals.changelog())               // +I, +U, +U for alice, +I for bob
                    .columns("op", "user")
                    .containsExactlyRows(Row.of("op", "+I", "user", "alice"), Row.of("op", "+U", "user", "alice"),
                            Row.of("op", "+U", "user", "alice"), Row.of("op", "+I", "user", "bob"));
        });
        assertThat(averages).hasRowCount(2);
    }

    private static TestRecord order(String user, double amount, String time) {
        return TestRecord.of(user, "{\"user\":\"" + user + "\",\"amount\":" + amount + ",\"ts\":\"2024-01-01 " + time
                + "\"}", Instant.parse("2024-01-01T" + time + "Z"));
    }
}
