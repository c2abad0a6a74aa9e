package io.flinkharness.samples.junit;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.RecordLabel;
import io.flinkharness.data.TimeModel;
import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.junit.KafkaTopic;
import io.flinkharness.junit.SqlScript;
import io.flinkharness.junit.Topic;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.oracle.Oracle;
import io.flinkharness.rows.Row;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.TestSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Clicks per user and 10-second TUMBLE window drop the clicks that arrive after their window fired. The topic has
 * one partition and emits a watermark on every record, so which clicks are late follows from the input order: the
 * generator's labels (and, in the hand-written variant, the test) know it in advance.
 */
@FlinkSqlTest
@KafkaTopic(name = "clicks")
@KafkaTopic(name = "clicks_per_window")
@SqlScript("sql/late-clicks.sql")
class LateRecordsDroppedTest {
    private static final String CLICKS_PER_WINDOW = """
            INSERT INTO clicks_per_window
            SELECT window_start, window_end, user_id, COUNT(*)
            FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND))
            GROUP BY window_start, window_end, user_id""";

    @Test
    void generatedLateClicksAreNotCounted(TestSession session, @Topic("clicks") SessionTopic clicks) {
        GeneratedData data = DataGenerator.forSchema(session.schemaOf("clicks"))
                .seed(42)
                .records(400)
                .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(100)))
                .field("user_id", FieldRule.random().distinct(6))
                .outOfOrder(Duration.ofSeconds(1), 0.1)               // within the 2 s delay
                .lateRecords(8, Duration.ofSeconds(20))
                .generate();
        assertThat(data.withOrigin(RecordLabel.Origin.LATE)).hasSize(8);
        clicks.send(data);

        session.run(CLICKS_PER_WINDOW);

        assertThat(session.table("clicks_per_window"))
                .countsNoLateRecordOf(data, "clicks")
                .containsExactlyRowsInAnyOrder(Oracle.tumble(Duration.ofSeconds(10)).groupBy("user_id")
                        .count("clicks").expected(data).rows());
    }

    @Test
    void aClickBehindTheWatermarkIsDroppedAndOneAheadOfItIsCounted(TestSession session,
            @Topic("clicks") SessionTopic clicks) {
        clicks.send(click("alice", "00:00:01"), click("bob", "00:00:03"),
                click("alice", "00:00:12"),            // watermark 00:00:10: window [00:00, 00:10) fires
                click("alice", "00:00:11"),            // behind 00:00:12 but ahead of the watermark: counted
                click("bob", "00:00:05"),              // its window has fired: dropped
                click("bob", "00:00:14"));

        session.run(CLICKS_PER_WINDOW);

        assertThat(session.table("clicks_per_window"))
                .columns("window_start", "user_id", "clicks")
                .containsExactlyRowsInAnyOrder(
                        Row.of("window_start", "2024-01-01 00:00:00", "user_id", "alice", "clicks", 1),
                        Row.of("window_start", "2024-01-01 00:00:00", "user_id", "bob", "clicks", 1),
                        Row.of("window_start", "2024-01-01 00:00:10", "user_id", "alice", "clicks", 2),
                        Row.of("window_start", "2024-01-01 00:00:10", "user_id", "bob", "clicks", 1));
    }

    private static TestRecord click(String user, String time) {
        return TestRecord.of(user, "{\"user_id\":\"" + user + "\",\"page\":\"/home\",\"ts\":\"2024-01-01 " + time
                + "\"}", Instant.parse("2024-01-01T" + time + "Z"));
    }
}
