package io.flinkharness.samples.junit;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.data.DataGenerator;
import io.flinkharness.data.FieldRule;
import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.TimeModel;
import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.junit.KafkaTopic;
import io.flinkharness.junit.SqlScript;
import io.flinkharness.junit.Topic;
import io.flinkharness.oracle.Oracle;
import io.flinkharness.oracle.OracleResult;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.TestSession;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Hits and distinct visitors per page over HOP windows (15 s, every 5 s) and CUMULATE windows (growing by 10 s up
 * to a minute), from 500 generated page views with disorder and late views. The oracle computes the expected rows
 * from the generated records and their labels; nothing is written by hand.
 */
@FlinkSqlTest
@KafkaTopic(name = "page_views")
@KafkaTopic(name = "page_stats")
@SqlScript("sql/page-views.sql")
class HopAndCumulateWindowsTest {

    @Test
    void hoppingWindows(TestSession session, @Topic("page_views") SessionTopic pageViews) {
        GeneratedData views = pageViews(session, 21);
        OracleResult expected = Oracle.hop(Duration.ofSeconds(5), Duration.ofSeconds(15)).groupBy("page")
                .count("hits").countDistinct("user_id", "visitors")
                .expected(views);
        assertThat(expected.isExact()).as(expected.explanation()).isTrue();
        pageViews.send(views);

        session.run("""
                INSERT INTO page_stats
                SELECT window_start, window_end, page, COUNT(*), COUNT(DISTINCT user_id)
                FROM TABLE(HOP(TABLE page_views, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND))
                GROUP BY window_start, window_end, page""");

        assertThat(session.table("page_stats"))
                .allAlignedToHop(Duration.ofSeconds(5), Duration.ofSeconds(15))
                .containsExactlyRowsInAnyOrder(expected.rows());
    }

    @Test
    void cumulatingWindows(TestSession session, @Topic("page_views") SessionTopic pageViews) {
        GeneratedData views = pageViews(session, 22);
        OracleResult expected = Oracle.cumulate(Duration.ofSeconds(10), Duration.ofMinutes(1)).groupBy("page")
                .count("hits").countDistinct("user_id", "visitors")
                .expected(views);
        assertThat(expected.isExact()).as(expected.explanation()).isTrue();
        pageViews.send(views);

        session.run("""
                INSERT INTO page_stats
                SELECT window_start, window_end, page, COUNT(*), COUNT(DISTINCT user_id)
                FROM TABLE(CUMULATE(TABLE page_views, DESCRIPTOR(ts), INTERVAL '10' SECOND, INTERVAL '1' MINUTE))
                GROUP BY window_start, window_end, page""");

        assertThat(session.table("page_stats"))
                .allAlignedToCumulate(Duration.ofSeconds(10), Duration.ofMinutes(1))
                .containsExactlyRowsInAnyOrder(expected.rows());
    }

    /** 500 views, 200 ms apart; 15 % up to 3 s out of order (beyond the 2 s delay for some), 4 very late. */
    private static GeneratedData pageViews(TestSession session, long seed) {
        return DataGenerator.forSchema(session.schemaOf("page_views"))
                .seed(seed)
                .records(500)
                .time(TimeModel.startingAt(Instant.parse("2026-01-01T00:00:00Z")).every(Duration.ofMillis(200)))
                .field("page", FieldRule.oneOf("/home", "/search", "/cart", "/pay").weights(5, 3, 2, 1))
                .field("user_id", FieldRule.random().distinct(25))
                .outOfOrder(Duration.ofSeconds(3), 0.15)
                .lateRecords(4, Duration.ofSeconds(20))
                .generate();
    }
}
