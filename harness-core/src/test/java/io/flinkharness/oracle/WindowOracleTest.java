package io.flinkharness.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.rows.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowOracleTest {
    private static final String W00 = "2026-01-01 00:00:00";
    private static final String W05 = "2026-01-01 00:00:05";
    private static final String W10 = "2026-01-01 00:00:10";
    private static final String W15 = "2026-01-01 00:00:15";
    private static final String W20 = "2026-01-01 00:00:20";
    private static final String W25 = "2026-01-01 00:00:25";
    private static final String W30 = "2026-01-01 00:00:30";

    private static Row window(String start, String end, Object... more) {
        Object[] all = new Object[4 + more.length];
        all[0] = "window_start";
        all[1] = start;
        all[2] = "window_end";
        all[3] = end;
        System.arraycopy(more, 0, all, 4, more.length);
        return Row.of(all);
    }

    @Test
    void tumble_counts_every_record_whose_window_had_not_fired_when_it_arrived() {
        GeneratedData data = Arrivals.clicks()
                .at("1", "a", 5, null).at("3", "b", 7, null).at("4", "a", 6, null)
                .at("12", "a", 1, null).at("15", "b", -4, null).at("25", "a", 9, null)   // watermark now 23 s
                .at("5", "b", 100, null)       // window [0 s, 10 s) fired at 9.999 s: dropped
                .at("19", "a", 3, null)        // window [10 s, 20 s) fired at 19.999 s: dropped
                .at("21", "b", 2, null)        // window [20 s, 30 s) fires at 29.999 s: counted
                .data();

        OracleResult result = Oracle.tumble(Duration.ofSeconds(10)).groupBy("user_id")
                .count("clicks").sum("amount", "total").min("amount", "least").max("amount", "most")
                .expected(data);

        assertThat(result.isExact()).isTrue();
        assertThat(result.emitsUpdates()).isFalse();
        assertThat(result.keyColumns()).containsExactly("window_start", "window_end", "user_id");
        assertThat(result.rows()).containsExactly(
                window(W00, W10, "user_id", "a", "clicks", 2, "total", 11, "least", 5, "most", 6),
                window(W00, W10, "user_id", "b", "clicks", 1, "total", 7, "least", 7, "most", 7),
                window(W10, W20, "user_id", "a", "clicks", 1, "total", 1, "least", 1, "most", 1),
                window(W10, W20, "user_id", "b", "clicks", 1, "total", -4, "least", -4, "most", -4),
                window(W20, W30, "user_id", "a", "clicks", 1, "total", 9, "least", 9, "most", 9),
                window(W20, W30, "user_id", "b", "clicks", 1, "total", 2, "least", 2, "most", 2));
        assertThat(result.explanation()).contains(
                "records left out of windows that had fired when they arrived (2):",
                "#6 (explicit, partition 0, event time 2026-01-01T00:00:05Z, watermark on arrival"
                        + " [2026-01-01T00:00:23Z, 2026-01-01T00:00:23Z]): window [2026-01-01T00:00:00Z,"
                        + " 2026-01-01T00:00:10Z) fired at 2026-01-01T00:00:09.999Z");
    }

    @Test
    void a_window_fires_when_the_watermark_reaches_its_end_minus_one_millisecond() {
        String rowType = "ROW<user_id STRING, ts TIMESTAMP(3)>";
        GeneratedData atTheEdge = Arrivals.of(rowType, Duration.ZERO).at("9.999", "a").at("5", "a").data();
        GeneratedData justBefore = Arrivals.of(rowType, Duration.ZERO).at("9.998", "a").at("5", "a").data();

        WindowOracle counts = Oracle.tumble(Duration.ofSeconds(10)).count("n");
        assertThat(counts.expected(atTheEdge).rows()).containsExactly(window(W00, W10, "n", 1));
        assertThat(counts.expected(justBefore).rows()).containsExactly(window(W00, W10, "n", 2));
    }

    @Test
    void aggregates_have_flink_types_avg_of_int_is_an_int_and_sum_of_int_wraps() {
        GeneratedData data = Arrivals.clicks()
                .at("1", "u", -4, new BigDecimal("1.00")).at("2", "u", -3, new BigDecimal("2.00"))
                .at("3", "v", null, new BigDecimal("2.00")).at("4", "v", null, null)
                .at("11", "u", Integer.MAX_VALUE, null).at("12", "u", 1, null)
                .at("21", "u", null, null)
                .data();

        OracleResult result = Oracle.tumble(Duration.ofSeconds(10))
                .count("n").count("amount", "amounts").countDistinct("user_id", "users")
                .sum("amount", "total").avg("amount", "mean").sum("price", "revenue").avg("price", "mean_price")
                .expected(data);

        assertThat(result.rows()).containsExactly(
                // AVG(INT) is INT: -7 / 2 truncated toward zero; AVG(DECIMAL(10, 2)) is DECIMAL(38, 6), half up
                window(W00, W10, "n", 4, "amounts", 2, "users", 2, "total", -7, "mean", -3, "revenue",
                        new BigDecimal("5.00"), "mean_price", new BigDecimal("1.666667")),
                // SUM(INT) is INT and wraps; AVG(INT) sums as BIGINT
                window(W10, W20, "n", 2, "amounts", 2, "users", 1, "total", Integer.MIN_VALUE, "mean", 1073741824,
                        "revenue", null, "mean_price", null),
                window(W20, W30, "n", 1, "amounts", 0, "users", 1, "total", null, "mean", null, "revenue", null,
                        "mean_price", null));
    }

    @Test
    void min_and_max_of_strings_and_timestamps() {
        GeneratedData data = Arrivals.clicks().at("1", "zed", 1, null).at("2", "Émile", 1, null)
                .at("3", "adam", 1, null).data();

        OracleResult result = Oracle.tumble(Duration.ofSeconds(10)).min("user_id", "first").max("user_id", "last")
                .min("ts", "earliest").max("ts", "latest").select("first", "last", "earliest", "latest")
                .expected(data);

        // by code point, as Flink compares UTF-8 bytes: 'É' (U+00C9) sorts after 'z'
        assertThat(result.rows()).containsExactly(Row.of("first", "adam", "last", "Émile",
                "earliest", "2026-01-01 00:00:01", "latest", "2026-01-01 00:00:03"));
    }

    @Test
    void tumble_with_an_offset_shifts_the_windows_which_flink_2_2_may_lose() {
        GeneratedData data = Arrivals.clicks().at("1", "a", 1, null).at("4", "a", 1, null).at("13", "a", 1, null)
                .data();

        OracleResult result = Oracle.tumble(Duration.ofSeconds(10), Duration.ofSeconds(3)).count("n").expected(data);

        assertThat(result.rows()).isEmpty();
        assertThat(result.flagged()).extracting(Flagged::group).containsExactly(
                window("2025-12-31 23:59:53", "2026-01-01 00:00:03"),
                window("2026-01-01 00:00:03", "2026-01-01 00:00:13"),
                window("2026-01-01 00:00:13", "2026-01-01 00:00:23"));
        assertThat(result.flagged().get(1).reason()).isEqualTo("Flink 2.2 may lose records of TUMBLE windows with"
                + " an offset (FLINK-36664: the window operator flushes the records it buffers when the watermark"
                + " passes a multiple of the size, not of the size plus the offset, so a window can fire before its"
                + " records reach it; what is lost depends on checkpoint timing); by SQL semantics the row is"
                + " {window_start=2026-01-01 00:00:03, window_end=2026-01-01 00:00:13, n=1}");
        assertThat(result.flagged().get(1).records()).extracting(r -> r.label().arrival()).containsExactly(1L);
    }

    @Test
    void hop_counts_a_late_record_in_those_of_its_windows_that_had_not_fired() {
        GeneratedData data = Arrivals.clicks()
                .at("1", "a", 1, null).at("6", "a", 1, null).at("13", "a", 1, null)   // watermark now 11 s
                .at("3", "a", 1, null)        // windows [-5, 5) and [0, 10) have fired: dropped from both
                .at("8", "a", 1, null)        // [0, 10) has fired, [5, 15) fires at 14.999 s: counted there
                .data();

        OracleResult result = Oracle.hop(Duration.ofSeconds(5), Duration.ofSeconds(10)).count("n").expected(data);

        assertThat(result.rows()).containsExactly(
                window("2025-12-31 23:59:55", W05, "n", 1),
                window(W00, W10, "n", 2),
                window(W05, W15, "n", 3),
                window(W10, W20, "n", 1));
        assertThat(result.explanation()).contains("#4 (explicit, partition 0, event time 2026-01-01T00:00:08Z,"
                + " watermark on arrival [2026-01-01T00:00:11Z, 2026-01-01T00:00:11Z]): window"
                + " [2026-01-01T00:00:00Z, 2026-01-01T00:00:10Z) fired at 2026-01-01T00:00:09.999Z");
    }

    @Test
    void cumulate_counts_a_late_record_in_the_larger_windows_that_had_not_fired() {
        GeneratedData data = Arrivals.clicks()
                .at("1", "a", 1, null).at("7", "a", 1, null).at("12", "a", 1, null).at("16", "a", 1, null)
                .at("3", "a", 1, null)        // watermark 14 s: [0, 5) and [0, 10) have fired, [0, 15) has not
                .data();

        OracleResult result = Oracle.cumulate(Duration.ofSeconds(5), Duration.ofSeconds(15)).count("n")
                .expected(data);

        assertThat(result.rows()).containsExactly(
                window(W00, W05, "n", 1),
                window(W00, W10, "n", 2),
                window(W00, W15, "n", 4),
                window(W15, W20, "n", 1),
                window(W15, W25, "n", 1),
                window(W15, W30, "n", 1));
    }

    @Test
    void columns_can_be_renamed_and_selected() {
        GeneratedData data = Arrivals.clicks().at("1", "a", 5, null).data();

        OracleResult result = Oracle.tumble(Duration.ofSeconds(10)).groupBy("user_id").count("clicks")
                .windowColumns("ws", "we").select("user_id", "ws", "clicks").expected(data);

        assertThat(result.rows()).containsExactly(Row.of("user_id", "a", "ws", W00, "clicks", 1));
        assertThat(result.rows().get(0).columns()).containsExactly("user_id", "ws", "clicks");
        assertThat(result.keyColumns()).containsExactly("user_id", "ws");
    }

    @Test
    void with_several_partitions_a_window_that_may_fire_before_a_record_arrives_is_flagged() {
        GeneratedData data = Arrivals.clicks()
                .in(0, "1", "a", 1, null).in(1, "2", "b", 1, null).in(0, "12", "a", 1, null)
                .in(1, "3", "b", 1, null)
                .in(0, "5", "a", 1, null)      // partition 0 is at 10 s: fired if partition 1 has been read to its end
                .data();

        OracleResult result = Oracle.tumble(Duration.ofSeconds(10)).groupBy("user_id").count("clicks")
                .expected(data);

        assertThat(result.isExact()).isFalse();
        assertThat(result.rows()).containsExactly(
                window(W00, W10, "user_id", "b", "clicks", 2),
                window(W10, W20, "user_id", "a", "clicks", 1));
        assertThat(result.flagged()).hasSize(1);
        Flagged flagged = result.flagged().get(0);
        assertThat(flagged.group()).isEqualTo(window(W00, W10, "user_id", "a"));
        assertThat(flagged.records()).extracting(r -> r.label().arrival()).containsExactly(4L);
        assertThat(flagged.reason()).isEqualTo("the window fires when the watermark reaches"
                + " 2026-01-01T00:00:09.999Z, and 1 record may arrive before or after that: #4 (explicit, partition 0,"
                + " event time 2026-01-01T00:00:05Z, watermark on arrival [-inf, 2026-01-01T00:00:10Z]) — it depends"
                + " on how Flink interleaves the 2 partitions (a partition not read yet holds the watermark back, one"
                + " read to its end no longer does)");
    }

    @Test
    void assert_matches_compares_the_unflagged_windows_only() {
        GeneratedData data = Arrivals.clicks()
                .in(0, "1", "a", 1, null).in(1, "2", "b", 1, null).in(0, "12", "a", 1, null)
                .in(0, "5", "a", 1, null).data();
        OracleResult result = Oracle.tumble(Duration.ofSeconds(10)).groupBy("user_id").count("clicks")
                .expected(data);
        Row b = window(W00, W10, "user_id", "b", "clicks", 1);
        Row a2 = window(W10, W20, "user_id", "a", "clicks", 1);

        result.assertMatches(List.of(b, a2, window(W00, W10, "user_id", "a", "clicks", 2)));
        result.assertMatches(List.of(b, a2, window(W00, W10, "user_id", "a", "clicks", 1)));

        assertThatThrownBy(() -> result.assertMatches("topic 'counts'",
                List.of(window(W00, W10, "user_id", "b", "clicks", 3), a2, window(W00, W10, "user_id", "a",
                        "clicks", 2))))
                .isInstanceOf(OracleMismatchError.class)
                .hasMessage("topic 'counts' against TUMBLE(size 10 s) GROUP BY user_id: COUNT(*) AS clicks:"
                        + " to contain exactly, in any order, 2 rows\n"
                        + "but could not find 1 row, and found 1 unexpected row:\n"
                        + "      window_start        | window_end          | user_id | clicks\n"
                        + "  differing (1):\n"
                        + "    - 2026-01-01 00:00:00 | 2026-01-01 00:00:10 | b       | 1\n"
                        + "    + 2026-01-01 00:00:00 | 2026-01-01 00:00:10 | b       | 3\n"
                        + "                                                            ^\n"
                        + "  not compared (1 flagged, 1 actual row left out), their result depends on timing:\n"
                        + "    ~ {window_start=2026-01-01 00:00:00, window_end=2026-01-01 00:00:10, user_id=a}: the"
                        + " window fires when the watermark reaches 2026-01-01T00:00:09.999Z, and 1 record may arrive"
                        + " before or after that: #3 (explicit, partition 0, event time 2026-01-01T00:00:05Z,"
                        + " watermark on arrival [-inf, 2026-01-01T00:00:10Z]) — it depends on how Flink interleaves"
                        + " the 2 partitions (a partition not read yet holds the watermark back, one read to its end"
                        + " no longer does)");
    }

    @Test
    void assert_matches_needs_a_column_that_tells_flagged_rows_apart() {
        GeneratedData data = Arrivals.clicks().in(0, "1", "a", 1, null).in(1, "2", "b", 1, null)
                .in(0, "12", "a", 1, null).in(0, "5", "a", 1, null).data();
        OracleResult counts = Oracle.tumble(Duration.ofSeconds(10)).count("clicks").select("clicks").expected(data);

        assertThatThrownBy(() -> counts.assertMatches(List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TUMBLE(size 10 s): COUNT(*) AS clicks: 1 flagged, but the selected columns include no"
                        + " window or key column, so no row can be told apart from a flagged one — select"
                        + " window_start, window_end and the key columns to compare the rest");
    }

    @Test
    void with_periodic_watermarks_a_record_behind_the_watermark_flags_its_window() {
        GeneratedData data = Arrivals.clicks().periodic().at("1", "a", 1, null).at("12", "a", 1, null)
                .at("5", "a", 1, null).data();

        OracleResult result = Oracle.tumble(Duration.ofSeconds(10)).count("n").expected(data);

        assertThat(result.rows()).containsExactly(window(W10, W20, "n", 1));
        assertThat(result.flagged()).extracting(Flagged::group).containsExactly(window(W00, W10));
        assertThat(result.flagged().get(0).reason()).endsWith("it depends on when the periodic watermark is"
                + " emitted (declare 'scan.watermark.emit.strategy' = 'on-event')");
    }

    @Test
    void windows_without_any_counted_record_are_not_emitted() {
        GeneratedData data = Arrivals.clicks().at("25", "a", 1, null).at("5", "b", 1, null).data();

        OracleResult result = Oracle.tumble(Duration.ofSeconds(10)).groupBy("user_id").count("n").expected(data);

        assertThat(result.rows()).containsExactly(window(W20, W30, "user_id", "a", "n", 1));
    }
}
