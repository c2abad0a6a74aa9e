package io.flinkharness.samples.junit;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.Placement;
import io.flinkharness.data.TimeModel;
import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.junit.KafkaTopic;
import io.flinkharness.junit.SqlScript;
import io.flinkharness.junit.Topic;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.oracle.Oracle;
import io.flinkharness.oracle.OracleResult;
import io.flinkharness.rows.Row;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.TestSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Clicks per user and 10-second TUMBLE window over a 2-partition topic, with clicks that arrive out of order by
 * less than the 5-second watermark delay: none of them is late, so each is counted in its own window, whichever
 * way the partitions interleave.
 */
@FlinkSqlTest
@KafkaTopic(name = "clicks", partitions = 2)
@KafkaTopic(name = "clicks_per_window")
@SqlScript("sql/clicks-per-window.sql")
class TumbleWindowOutOfOrderTest {
    private static final String CLICKS_PER_WINDOW = """
            INSERT INTO clicks_per_window
            SELECT window_start, window_end, user_id, COUNT(*)
            FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
            GROUP BY window_start, window_end, user_id""";

    @Test
    void countsClicksThatArriveOutOfOrderInTheirOwnWindow(TestSession session, @Topic("clicks") SessionTopic clicks) {
        clicks.send(click("alice", "00:00:01", 0), click("bob", "00:00:04", 1),
                click("alice", "00:00:12", 0),
                click("alice", "00:00:08", 0),         // 4 s behind 00:00:12: out of order, within the delay
                click("bob", "00:00:19", 1),
                click("bob", "00:00:15", 1),           // 4 s behind 00:00:19
                click("alice", "00:00:21", 1));

        session.run(CLICKS_PER_WINDOW);

        assertThat(session.table("clicks_per_window"))
                .allAlignedTo(Duration.ofSeconds(10))
                .columns("window_start", "user_id", "clicks")
                .containsExactlyRowsInAnyOrder(
                        Row.of("window_start", "2024-01-01 00:00:00", "user_id", "alice", "clicks", 2),
                        Row.of("window_start", "2024-01-01 00:00:00", "user_id", "bob", "clicks", 1),
                        Row.of("window_start", "2024-01-01 00:00:10", "user_id", "alice", "clicks", 1),
                        Row.of("window_start", "2024-01-01 00:00:10", "user_id", "bob", "clicks", 2),
                        Row.of("window_start", "2024-01-01 00:00:20", "user_id", "alice", "clicks", 1));
    }

    @Test
    void countsEveryGeneratedClickWhenTheDisorderStaysWithinTheDelay(TestSession session,
            @Topic("clicks") SessionTopic clicks) {
        GeneratedData data = DataGenerator.forSchema(session.schemaOf("clicks"))
                .seed(5)
                .records(600)
                .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(50)))
                .field("user_id", FieldRule.random().distinct(8))
                .field("page", FieldRule.oneOf("/home", "/cart", "/pay"))
                .outOfOrder(Duration.ofSeconds(4), 0.3)           // below the 5 s delay: nothing is late
                .placement(Placement.roundRobin(2))
                .generate();
        OracleResult expected = Oracle.tumble(Duration.ofSeconds(10)).groupBy("user_id").count("clicks")
                .expected(data);
        assertThat(expected.isExact()).as(expected.explanation()).isTrue();
        clicks.send(data);

        session.run(CLICKS_PER_WINDOW);

        assertThat(session.table("clicks_per_window")).containsExactlyRowsInAnyOrder(expected.rows());
    }

    /** A click whose JSON carries its event time; the Kafka timestamp is the same instant. */
    private static TestRecord click(String user, String time, int partition) {
        return TestRecord.of(user, "{\"user_id\":\"" + user + "\",\"page\":\"/home\",\"ts\":\"2024-01-01 " + time
                + "\"}", Instant.parse("2024-01-01T" + time + "Z")).withPartition(partition);
    }
}
