package io.flinkharness.samples.junit;

import static io.flinkharness.results.ResultAssertions.assertThat;

import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.junit.KafkaTopic;
import io.flinkharness.junit.SqlScript;
import io.flinkharness.junit.Topic;
import io.flinkharness.kafka.TestRecord;
import io.flinkharness.rows.Row;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.TestSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A pipeline of two jobs joined by a topic: job 1 cleans raw purchase events (skips malformed JSON, drops events
 * without a user or with a non-positive amount, normalizes the country, turns cents into a decimal amount) into
 * {@code cleaned_events}; job 2 reads that topic and sums the revenue per country and minute. Job 1 runs to the
 * end before job 2 starts, as a batch of two steps would.
 */
@FlinkSqlTest
@KafkaTopic(name = "raw_events")
@KafkaTopic(name = "cleaned_events")
@KafkaTopic(name = "revenue_per_country")
@SqlScript("sql/pipeline.sql")
class TwoJobPipelineTest {
    private static final String CLEAN = """
            INSERT INTO cleaned_events
            SELECT event_id, user_id, UPPER(TRIM(country)), CAST(amount_cents / 100.0 AS DECIMAL(10, 2)), ts
            FROM raw_events
            WHERE user_id IS NOT NULL AND amount_cents > 0""";
    private static final String REVENUE = """
            INSERT INTO revenue_per_country
            SELECT window_start, window_end, country, COUNT(*), SUM(amount)
            FROM TABLE(TUMBLE(TABLE cleaned_events, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
            GROUP BY window_start, window_end, country""";

    @Test
    void theSecondJobAggregatesWhatTheFirstOneCleaned(TestSession session,
            @Topic("raw_events") SessionTopic rawEvents) {
        rawEvents.send(purchase("e1", "\"alice\"", " de ", 1250, "00:00:05"),
                purchase("e2", "\"bob\"", "FR", 4000, "00:00:20"),
                purchase("e3", "null", "DE", 999, "00:00:25"),             // no user: dropped
                TestRecord.of(null, "{\"event_id\": \"e4\", \"user_id\": ", at("00:00:30")),  // malformed: skipped
                purchase("e5", "\"carol\"", "de", -500, "00:00:35"),         // a refund: dropped
                purchase("e6", "\"alice\"", "DE", 750, "00:00:40"),
                purchase("e7", "\"dave\"", "fr", 2500, "00:01:10"));

        session.run(CLEAN);
        assertThat(session.table("cleaned_events"))
                .columns("event_id", "country", "amount")
                .containsExactlyRows(Row.of("event_id", "e1", "country", "DE", "amount", "12.50"),
                        Row.of("event_id", "e2", "country", "FR", "amount", "40.00"),
                        Row.of("event_id", "e6", "country", "DE", "amount", "7.50"),
                        Row.of("event_id", "e7", "country", "FR", "amount", "25.00"));

        session.run(REVENUE);
        assertThat(session.table("revenue_per_country"))
                .allAlignedTo(Duration.ofMinutes(1))
                .columns("window_start", "country", "purchases", "revenue")
                .containsExactlyRowsInAnyOrder(
                        Row.of("window_start", "2024-01-01 00:00:00", "country", "DE", "purchases", 2,
                                "revenue", "20.00"),
                        Row.of("window_start", "2024-01-01 00:00:00", "country", "FR", "purchases", 1,
                                "revenue", "40.00"),
                        Row.of("window_start", "2024-01-01 00:01:00", "country", "FR", "purchases", 1,
                                "revenue", "25.00"));
    }

    /** A raw purchase; {@code userJson} is the user as JSON ({@code "\"alice\""} or {@code "null"}). */
    private static TestRecord purchase(String id, String userJson, String country, long cents, String time) {
        return TestRecord.of(null, "{\"event_id\": \"" + id + "\", \"user_id\": " + userJson + ", \"country\": \""
                + country + "\", \"amount_cents\": " + cents + ", \"ts\": \"2024-01-01 " + time + "\"}", at(time));
    }

    private static Instant at(String time) {
        return Instant.parse("2024-01-01T" + time + "Z");
    }
}
