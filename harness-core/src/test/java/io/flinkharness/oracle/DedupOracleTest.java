package io.flinkharness.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.rows.Row;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DedupOracleTest {
    private static final String ORDERS = "ROW<order_id STRING, status STRING, ts TIMESTAMP(3)>";

    /** Watermark 2 s behind, on-event, one partition. */
    static GeneratedData orders() {
        return Arrivals.of(ORDERS, Duration.ofSeconds(2))
                .at("5", "o1", "created")     // no watermark yet
                .at("6", "o3", "first")       // watermark 3 s
                .at("6", "o3", "second")      // watermark 4 s; same rowtime as the record before
                .at("4", "o1", "paid")        // watermark 4 s: labelled late, but Flink drops only rowtimes below it
                .at("10", "o1", "shipped")    // watermark 4 s
                .at("2", "o1", "ancient")     // watermark 8 s: late
                .at("7", "o2", "lost")        // watermark 8 s: late
                .data();
    }

    private static Row order(String id, String status, String time) {
        return Row.of("order_id", id, "status", status, "ts", "2026-01-01 00:00:" + time);
    }

    @Test
    void keep_first_on_event_time_keeps_the_smallest_rowtime_and_drops_late_records() {
        OracleResult result = Oracle.dedup("order_id").keepFirst().expected(orders());

        assertThat(result.rows()).containsExactly(order("o1", "paid", "04"), order("o3", "first", "06"));
        assertThat(result.emitsUpdates()).isFalse();
        assertThat(result.keyColumns()).containsExactly("order_id");
        assertThat(result.explanation()).isEqualTo("""
                ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY rowtime ASC) = 1 (keep first on event time)
                input: 7 records (explicit 7; on time 4, late 3), per partition [7], seed 7
                result: 2 rows of 3 keys
                records dropped as late, rowtime below the watermark on arrival (2):
                  #5 (explicit, partition 0, event time 2026-01-01T00:00:02Z, watermark on arrival \
                [2026-01-01T00:00:08Z, 2026-01-01T00:00:08Z])
                  #6 (explicit, partition 0, event time 2026-01-01T00:00:07Z, watermark on arrival \
                [2026-01-01T00:00:08Z, 2026-01-01T00:00:08Z])""");
    }

    @Test
    void keep_last_on_event_time_keeps_the_largest_rowtime_and_late_records_count() {
        OracleResult result = Oracle.dedup("order_id").keepLast().expected(orders());

        assertThat(result.rows()).containsExactly(order("o1", "shipped", "10"), order("o3", "second", "06"),
                order("o2", "lost", "07"));
        assertThat(result.upsertRows()).isEqualTo(result.rows());
        assertThat(result.emitsUpdates()).isTrue();
    }

    @Test
    void on_processing_time_the_first_or_last_arrival_wins() {
        assertThat(Oracle.dedup("order_id").onProcessingTime().keepFirst().expected(orders()).rows())
                .containsExactly(order("o1", "created", "05"), order("o3", "first", "06"), order("o2", "lost", "07"));
        assertThat(Oracle.dedup("order_id").onProcessingTime().keepLast().expected(orders()).rows())
                .containsExactly(order("o1", "ancient", "02"), order("o3", "second", "06"), order("o2", "lost", "07"));
    }

    @Test
    void select_picks_and_orders_the_output_fields() {
        OracleResult result = Oracle.dedup("order_id").keepLast().select("status", "order_id").expected(orders());

        assertThat(result.rows()).containsExactly(Row.of("status", "shipped", "order_id", "o1"),
                Row.of("status", "second", "order_id", "o3"), Row.of("status", "lost", "order_id", "o2"));
        assertThat(result.rows().get(0).columns()).containsExactly("status", "order_id");
    }

    @Test
    void equal_rowtimes_in_different_partitions_flag_the_key_when_the_rows_differ() {
        GeneratedData data = Arrivals.of(ORDERS, Duration.ofSeconds(2))
                .in(0, "5", "k", "a").in(1, "5", "k", "b")
                .in(0, "5", "same", "x").in(1, "5", "same", "x")
                .data();

        OracleResult last = Oracle.dedup("order_id").keepLast().expected(data);

        assertThat(last.rows()).containsExactly(order("same", "x", "05"));
        assertThat(last.flagged()).extracting(Flagged::group).containsExactly(Row.of("order_id", "k"));
        assertThat(last.flagged().get(0).reason()).isEqualTo("the last record of the key differs between"
                + " partitions 0, 1 (#0 (explicit, partition 0, event time 2026-01-01T00:00:05Z, watermark on arrival"
                + " [-inf, -inf]), #1 (explicit, partition 1, event time 2026-01-01T00:00:05Z, watermark on arrival"
                + " [-inf, -inf])); which one Flink keeps depends on the order in which it reads the partitions");
    }

    @Test
    void keep_first_flags_a_key_whose_winner_may_be_dropped_as_late() {
        GeneratedData data = Arrivals.of(ORDERS, Duration.ofSeconds(2))
                .in(0, "10", "k", "a")
                .in(0, "3", "k", "b")         // behind partition 0's watermark (8 s): late only if partition 1 is done
                .in(1, "1", "m", "c")
                .in(0, "12", "m", "d")        // later than m's first record: cannot win
                .data();

        OracleResult first = Oracle.dedup("order_id").expected(data);

        assertThat(first.rows()).containsExactly(order("m", "c", "01"));
        assertThat(first.flagged()).extracting(Flagged::group).containsExactly(Row.of("order_id", "k"));
        assertThat(first.flagged().get(0).reason()).isEqualTo("1 record may or may not be dropped as late (rowtime"
                + " below the watermark when it arrives), and one kept would win over #0: #1 (explicit, partition 0,"
                + " event time 2026-01-01T00:00:03Z, watermark on arrival [-inf, 2026-01-01T00:00:08Z]) — it depends"
                + " on how Flink interleaves the 2 partitions (a partition not read yet holds the watermark back, one"
                + " read to its end no longer does)");
        // on processing time nothing is late, but m's records are in two partitions: which arrives first is unknown
        OracleResult byArrival = Oracle.dedup("order_id").onProcessingTime().expected(data);
        assertThat(byArrival.rows()).containsExactly(order("k", "a", "10"));
        assertThat(byArrival.flagged()).extracting(Flagged::group).containsExactly(Row.of("order_id", "m"));
    }
}
