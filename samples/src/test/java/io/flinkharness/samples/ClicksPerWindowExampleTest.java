package io.flinkharness.samples;

import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The README's minimal example: a TUMBLE window over a Kafka topic, tested on real Kafka and Flink. */
@FlinkSqlTest
class ClicksPerWindowExampleTest {

    @Test
    void countsClicksPerUserAndTenSecondWindow(CaseRunner runner) {
        SqlCase clicksPerWindow = SqlCase.named("clicks per user and 10-second window")
                .topic("clicks", 2)
                .topic("clicks_per_window", 1)
                .input("clicks",
                        click("alice", "2024-01-01T00:00:01Z", 0),
                        click("bob", "2024-01-01T00:00:04Z", 1),
                        click("alice", "2024-01-01T00:00:03Z", 0), // out of order, within the watermark delay
                        click("alice", "2024-01-01T00:00:12Z", 1))
                .ddl("""
                        CREATE TABLE clicks (
                          `user` STRING,
                          ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
                          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
                        ) WITH (
                          'connector' = 'kafka',
                          'topic' = '${topic.clicks}',
                          'properties.bootstrap.servers' = '${bootstrap.servers}',
                          'scan.startup.mode' = 'earliest-offset',
                          'scan.bounded.mode' = 'latest-offset',
                          'format' = 'json'
                        );
                        CREATE TABLE clicks_per_window (
                          `user` STRING, window_start TIMESTAMP(3), clicks BIGINT
                        ) WITH (
                          'connector' = 'kafka',
                          'topic' = '${topic.clicks_per_window}',
                          'properties.bootstrap.servers' = '${bootstrap.servers}',
                          'sink.delivery-guarantee' = 'exactly-once',
                          'sink.transactional-id-prefix' = '${case.id}',
                          'format' = 'json'
                        )
                        """)
                .dml("""
                        INSERT INTO clicks_per_window
                        SELECT `user`, window_start, COUNT(*)
                        FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
                        GROUP BY `user`, window_start, window_end
                        """)
                .expectRows("clicks_per_window",
                        Row.of("user", "alice", "window_start", "2024-01-01 00:00:00", "clicks", 2),
                        Row.of("user", "bob", "window_start", "2024-01-01 00:00:00", "clicks", 1),
                        Row.of("user", "alice", "window_start", "2024-01-01 00:00:10", "clicks", 1))
                .build();

        runner.run(clicksPerWindow).assertPassed();
    }

    /** A click whose event time is its Kafka record timestamp. */
    private static TestRecord click(String user, String time, int partition) {
        return TestRecord.of(user, "{\"user\":\"" + user + "\"}", Instant.parse(time)).withPartition(partition);
    }
}
