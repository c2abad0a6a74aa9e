package io.flinkharness.results;

import static io.flinkharness.results.ResultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.GeneratedRecord;
import io.flinkharness.data.Lateness;
import io.flinkharness.data.RecordLabel;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.Struct;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deduplication assertions: one row per key, and per key the record Flink's deduplication on event time keeps. */
class DedupAssertionsTest {
    private static final RecordSchema ORDERS = RecordSchema.fromDdl("""
            CREATE TABLE orders (order_id STRING, amount DECIMAL(8, 2), ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
            WITH ('connector' = 'kafka', 'format' = 'json')""");

    /** o1 at 1 s and 4 s; o3 at 6 s then 5 s (out of order); o2 twice at 2 s (a tie). */
    private static final GeneratedData INPUT = input(
            "o1", "10", 1, "o1", "11", 4, "o3", "31", 6, "o3", "30", 5, "o2", "20", 2, "o2", "21", 2);

    private static GeneratedData input(Object... idAmountSecond) {
        List<GeneratedRecord> records = new ArrayList<>();
        for (int i = 0; i < idAmountSecond.length; i += 3) {
            long millis = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli() + 1000L * (Integer) idAmountSecond[i + 2];
            Struct value = Struct.of(ORDERS.fieldNames(), List.of(idAmountSecond[i],
                    new BigDecimal((String) idAmountSecond[i + 1]),
                    LocalDateTime.ofEpochSecond(millis / 1000, 0, ZoneOffset.UTC)));
            records.add(new GeneratedRecord(value, List.of(), millis, i / 3, 0, i / 3, RecordLabel.Origin.EXPLICIT, -1,
                    false, Lateness.ON_TIME, Long.MIN_VALUE, Long.MIN_VALUE));
        }
        return new GeneratedData(42, ORDERS, 1, records);
    }

    /** The sink has a column the input does not (rn); it is left out of the comparison. */
    private static ResultTable kept(Object... idAmountSecond) {
        ResultTable.Builder builder = ResultTable.builder("first_orders").column("order_id", "STRING")
                .column("amount", "DECIMAL(8, 2)").column("ts", "TIMESTAMP(3)").column("rn", "BIGINT");
        for (int i = 0; i < idAmountSecond.length; i += 3) {
            builder.row(idAmountSecond[i], idAmountSecond[i + 1], "2024-01-01 00:00:0" + idAmountSecond[i + 2], 1);
        }
        return builder.build();
    }

    @Test
    void keepsFirstByEventTimeTakesTheEarliestEventAndOnATieTheEarliestArrival() {
        assertThat(kept("o1", "10", 1, "o2", "20", 2, "o3", "30", 5)).keepsFirstByEventTimeOf(INPUT, "order_id")
                .isUniqueBy("order_id");
    }

    @Test
    void keepsLastByEventTimeTakesTheLatestEventAndOnATieTheLatestArrival() {
        assertThat(kept("o1", "11", 4, "o3", "31", 6, "o2", "21", 2)).keepsLastByEventTimeOf(INPUT, "order_id");
    }

    @Test
    void aRowOfAnotherRecordFailsWithTheDiff() {
        assertThatThrownBy(() -> assertThat(kept("o1", "10", 1, "o2", "20", 2, "o3", "31", 6))
                .keepsFirstByEventTimeOf(INPUT, "order_id"))
                .hasMessage("""

                        Expecting table first_orders (append, 3 rows)
                        to keep the first record per order_id by event time of its input (6 records, seed 42): 3 rows \
                        (on columns order_id, amount, ts)
                        but could not find 1 row, and found 1 unexpected row:
                              order_id | amount | ts
                          differing (1):
                            - o3       | 30.00  | 2024-01-01 00:00:05
                            + o3       | 31.00  | 2024-01-01 00:00:06
                                         ^^^^^    ^^^^^^^^^^^^^^^^^^^""");
    }

    @Test
    void aKeyMissingOrKeptTwiceFails() {
        assertThatThrownBy(() -> assertThat(kept("o1", "10", 1, "o1", "10", 1, "o2", "20", 2))
                .keepsFirstByEventTimeOf(INPUT, "order_id"))
                .hasMessageEndingWith("""
                        but could not find 1 row, and found 1 unexpected row:
                              order_id | amount | ts
                          missing (1):
                            - o3       | 30.00  | 2024-01-01 00:00:05
                          unexpected (1):
                            + o1       | 10.00  | 2024-01-01 00:00:01""");
    }

    @Test
    void selectedColumnsNarrowTheComparison() {
        assertThat(kept("o1", "99", 1, "o2", "99", 2, "o3", "99", 5)).columns("order_id", "ts")
                .keepsFirstByEventTimeOf(INPUT, "order_id");
    }

    @Test
    void theKeyFieldAndTheComparedColumnsMustBeInBoth() {
        ResultTable table = kept("o1", "10", 1);

        assertThatThrownBy(() -> assertThat(table).keepsFirstByEventTimeOf(INPUT, "customer"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the input (" + ORDERS.description() + ") has no field 'customer'; its fields:"
                        + " [order_id, amount, ts]");
        assertThatThrownBy(() -> assertThat(table).columns("order_id", "rn").keepsFirstByEventTimeOf(INPUT,
                "order_id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'rn' is not a field of the input (" + ORDERS.description() + "), so it cannot be"
                        + " compared with it; its fields: [order_id, amount, ts]");
    }

    @Test
    void isUniqueByListsTheRowsThatShareAKey() {
        ResultTable table = kept("o1", "10", 1, "o2", "20", 2, "o1", "11", 4, "o2", "21", 2, "o3", "30", 5);

        assertThatThrownBy(() -> assertThat(table).isUniqueBy("order_id"))
                .hasMessage("""

                        Expecting table first_orders (append, 5 rows)
                        to have one row per order_id
                        but found 2 order_id values in more than one row:
                            order_id | amount | ts                  | rn
                          ! o1       | 10.00  | 2024-01-01 00:00:01 | 1
                          ! o1       | 11.00  | 2024-01-01 00:00:04 | 1
                          ! o2       | 20.00  | 2024-01-01 00:00:02 | 1
                          ! o2       | 21.00  | 2024-01-01 00:00:02 | 1""");
        assertThat(table).isUniqueBy("order_id", "amount");
        assertThatThrownBy(() -> assertThat(table).isUniqueBy("order_id", "ts"))
                .hasMessageContaining("to have one row per (order_id, ts)\nbut found 1 (order_id, ts) value in more"
                        + " than one row:\n");
    }
}
