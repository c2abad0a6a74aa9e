package io.flinkharness.oracle;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.data.GeneratedData;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OracleErrorsTest {
    private static final Duration TEN = Duration.ofSeconds(10);
    private static final GeneratedData CLICKS = Arrivals.clicks().at("1", "a", 1, null).data();
    private static final String NESTED = "ROW<id STRING, address ROW<city STRING>, price DOUBLE, tags ARRAY<STRING>,"
            + " ts TIMESTAMP(3)>";

    @Test
    void window_sizes_must_be_positive_whole_milliseconds() {
        assertThatThrownBy(() -> Oracle.tumble(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TUMBLE size must be positive, got 0 s");
        assertThatThrownBy(() -> Oracle.hop(Duration.ofSeconds(-5), TEN))
                .hasMessage("HOP slide must be positive, got -5 s");
        assertThatThrownBy(() -> Oracle.cumulate(Duration.ofSeconds(1), Duration.ofMinutes(-1)))
                .hasMessage("CUMULATE max size must be positive, got -1 min");
        assertThatThrownBy(() -> Oracle.tumble(Duration.ofNanos(1_500_000)))
                .hasMessage("TUMBLE size must be whole milliseconds, as Flink's windows are, got PT0.0015S");
        assertThatThrownBy(() -> Oracle.tumble(null)).hasMessage("TUMBLE size cannot be null");
    }

    @Test
    void a_tumble_offset_must_be_shorter_than_the_size() {
        assertThatThrownBy(() -> Oracle.tumble(TEN, Duration.ofSeconds(-10)))
                .hasMessage("TUMBLE offset must be shorter than the size (Flink needs |offset| < size), got offset"
                        + " -10 s for size 10 s");
    }

    @Test
    void hop_and_cumulate_sizes_must_be_whole_multiples_of_the_slide_or_step() {
        assertThatThrownBy(() -> Oracle.hop(Duration.ofSeconds(3), TEN))
                .hasMessage("HOP size 10 s is not a whole multiple of the slide 3 s — Flink slices hopping windows by"
                        + " the slide; use a slide that divides the size, e.g. 2500 ms or 5 s");
        assertThatThrownBy(() -> Oracle.hop(Duration.ofSeconds(20), TEN))
                .hasMessage("HOP size 10 s is not a whole multiple of the slide 20 s — Flink slices hopping windows by"
                        + " the slide; use a slide that divides the size, e.g. 10 s");
        assertThatThrownBy(() -> Oracle.cumulate(Duration.ofMinutes(7), Duration.ofHours(1)))
                .hasMessage("CUMULATE max size 1 h is not a whole multiple of the step 7 min — Flink slices"
                        + " cumulative windows by the step; use a step that divides the max size, e.g. 400 s or 450 s");
    }

    @Test
    void an_unknown_field_is_named_with_the_closest_one() {
        assertThatThrownBy(() -> Oracle.tumble(TEN).sum("amout", "total").expected(CLICKS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sum(\"amout\", \"total\"): no field 'amout' in the generated records — did you mean"
                        + " 'amount'? (fields: user_id, amount, price, ts)");
        assertThatThrownBy(() -> Oracle.tumble(TEN).groupBy("country").count("n").expected(CLICKS))
                .hasMessage("groupBy(\"country\"): no field 'country' in the generated records — fields: user_id,"
                        + " amount, price, ts");
    }

    @Test
    void nested_fields_are_reached_by_path() {
        GeneratedData data = Arrivals.of(NESTED, Duration.ZERO).at("1", "x", null, 1.5, null).data();

        assertThatThrownBy(() -> Oracle.tumble(TEN).groupBy("address.town").expected(data))
                .hasMessage("groupBy(\"address.town\"): no field 'town' in row 'address' — fields: city");
        assertThatThrownBy(() -> Oracle.tumble(TEN).groupBy("id.city").expected(data))
                .hasMessage("groupBy(\"id.city\"): field 'id' is STRING, not a ROW, so it has no field 'city'");
    }

    @Test
    void sum_and_avg_take_exact_numbers_only() {
        GeneratedData data = Arrivals.of(NESTED, Duration.ZERO).at("1", "x", null, 1.5, null).data();

        assertThatThrownBy(() -> Oracle.tumble(TEN).sum("id", "total").expected(data))
                .hasMessage("sum(\"id\", \"total\"): field 'id' is STRING; SUM takes TINYINT, SMALLINT, INT, BIGINT"
                        + " or DECIMAL — aggregate a numeric field, or count the values of 'id' with count or"
                        + " countDistinct");
        assertThatThrownBy(() -> Oracle.tumble(TEN).avg("price", "mean").expected(data))
                .hasMessage("avg(\"price\", \"mean\"): field 'price' is DOUBLE; the oracle predicts SUM and AVG of"
                        + " exact numbers only (TINYINT, SMALLINT, INT, BIGINT, DECIMAL): Flink adds FLOAT and DOUBLE"
                        + " partial sums per slice and per local pre-aggregation, in an order that changes the last"
                        + " digits — declare the field DECIMAL(p, s), or use min/max");
        assertThatThrownBy(() -> Oracle.tumble(TEN).min("tags", "first").expected(data))
                .hasMessage("min(\"tags\", \"first\"): field 'tags' is ARRAY<STRING>; MIN takes numbers, strings,"
                        + " booleans, dates, times and timestamps");
    }

    @Test
    void every_output_column_needs_its_own_name() {
        assertThatThrownBy(() -> Oracle.tumble(TEN).count("n").sum("amount", "n").expected(CLICKS))
                .hasMessage("sum(\"amount\", \"n\"): column 'n' is already defined by count(\"n\") — give each output"
                        + " column its own name");
        assertThatThrownBy(() -> Oracle.tumble(TEN).count("window_start").expected(CLICKS))
                .hasMessage("count(\"window_start\"): column 'window_start' is already a window column — give each"
                        + " output column its own name");
        assertThatThrownBy(() -> Oracle.tumble(TEN).count(" ")).hasMessage("count: the column name cannot be blank");
        assertThatThrownBy(() -> Oracle.tumble(TEN).sum(null, "total"))
                .hasMessage("sum(\"null\", \"total\"): the field name cannot be null");
    }

    @Test
    void select_names_existing_columns() {
        assertThatThrownBy(() -> Oracle.tumble(TEN).groupBy("user_id").count("clicks").select("window_start",
                "clikcs").expected(CLICKS))
                .hasMessage("select(\"clikcs\"): no column 'clikcs' — did you mean 'clicks'? (columns: window_start,"
                        + " window_end, user_id, clicks)");
        assertThatThrownBy(() -> Oracle.tumble(TEN).select())
                .hasMessage("select needs at least one column — leave it out to select all");
    }

    @Test
    void windows_need_a_watermark() {
        GeneratedData data = Arrivals.withoutWatermark("ROW<user_id STRING, ts TIMESTAMP(3)>", 1, 2);

        assertThatThrownBy(() -> Oracle.hop(Duration.ofSeconds(5), TEN).count("n").expected(data))
                .hasMessage("HOP(slide 5 s, size 10 s): the generated records have no watermark (test rows without"
                        + " watermark declares none), so Flink has no event time to window them by — declare"
                        + " WATERMARK FOR <field> AS <field> - INTERVAL ... in the table's DDL, or"
                        + " DataGenerator.watermark(...)");
    }

    @Test
    void every_problem_is_listed_at_once() {
        assertThatThrownBy(() -> Oracle.tumble(TEN).groupBy("usr").sum("user_id", "total").count("total")
                .expected(CLICKS))
                .hasMessage("""
                        3 problems with TUMBLE(size 10 s) GROUP BY usr: SUM(user_id) AS total, COUNT(*) AS total:
                          - groupBy("usr"): no field 'usr' in the generated records — did you mean 'user_id'? \
                        (fields: user_id, amount, price, ts)
                          - sum("user_id", "total"): field 'user_id' is STRING; SUM takes TINYINT, SMALLINT, INT, \
                        BIGINT or DECIMAL — aggregate a numeric field, or count the values of 'user_id' with count or \
                        countDistinct
                          - count("total"): column 'total' is already defined by sum("user_id", "total") — give each \
                        output column its own name""");
    }

    @Test
    void dedup_needs_keys_known_fields_and_for_event_time_a_watermark() {
        assertThatThrownBy(Oracle::dedup).hasMessage("dedup needs at least one key field (the PARTITION BY columns),"
                + " e.g. Oracle.dedup(\"order_id\")");
        assertThatThrownBy(() -> Oracle.dedup("user").expected(CLICKS))
                .hasMessage("dedup key \"user\": no field 'user' in the generated records — did you mean 'user_id'?"
                        + " (fields: user_id, amount, price, ts)");
        assertThatThrownBy(() -> Oracle.dedup("user_id").select("user_id", "prize").expected(CLICKS))
                .hasMessage("select(\"prize\"): no field 'prize' in the generated records — did you mean 'price'?"
                        + " (fields: user_id, amount, price, ts)");
        GeneratedData noWatermark = Arrivals.withoutWatermark("ROW<user_id STRING, ts TIMESTAMP(3)>", 1, 2);
        assertThatThrownBy(() -> Oracle.dedup("user_id").keepLast().expected(noWatermark))
                .hasMessage("ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY rowtime DESC) = 1 (keep last on event"
                        + " time): the generated records have no watermark (test rows without watermark declares"
                        + " none), so Flink has no rowtime to order them by — declare WATERMARK FOR <field> AS ... in"
                        + " the table's DDL or DataGenerator.watermark(...), or deduplicate on processing time with"
                        + " onProcessingTime()");
    }
}
