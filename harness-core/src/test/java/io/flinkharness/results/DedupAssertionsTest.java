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
    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    private static final RecordSchema ORDERS = RecordSchema.fromDdl("""
            CREATE TABLE orders (order_id STRING, amount DECIMAL(8, 2), ts TIMESTAMP(3),
              WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)
            WITH ('connector' = 'kafka', 'format' = 'json')""");

    /** o1 at 1 s and 4 s; o3 at 6 s then 5 s (out of order); o2 twice at 2 s (a tie). */
    private static final GeneratedData INPUT = input(
            "o1", "10", 1, "o1", "11", 4, "o3", "31", 6, "o3", "30", 5, "o2", "20", 2, "o2", "21", 2);

    /** Records of one partition, with no watermark known. */
    private static GeneratedData input(Object... idAmountSecond) {
        List<Object> withWatermarks = new ArrayList<>();
        for (int i = 0; i < idAmountSecond.length; i += 3) {
            withWatermarks.addAll(List.of(idAmountSecond[i], idAmountSecond[i + 1], idAmountSecond[i + 2], "none",
                    "none"));
        }
        return records(withWatermarks.toArray());
    }

    /** Records of one partition: id, amount, event second, and the lowest and highest watermark second on arrival. */
    private static GeneratedData inputWithWatermarks(Object... records) {
        return records(records);
    }

    private static GeneratedData records(Object[] records) {
        List<GeneratedRecord> out = new ArrayList<>();
        for (int i = 0; i < records.length; i += 5) {
            long millis = T0 + 1000L * (Integer) records[i + 2];
            Struct value = Struct.of(ORDERS.fieldNames(), List.of(records[i], new BigDecimal((String) records[i + 1]),
                    LocalDateTime.ofEpochSecond(millis / 1000, 0, ZoneOffset.UTC)));
            out.add(new GeneratedRecord(value, List.of(), millis, i / 5, 0, i / 5, RecordLabel.Origin.EXPLICIT, -1,
                    false, Lateness.ON_TIME, watermark(records[i + 3]), watermark(records[i + 4])));
        }
        return new GeneratedData(42, ORDERS, 1, out);
    }

    private static long watermark(Object second) {
        return second.equals("none") ? Long.MIN_VALUE : T0 + 1000L * (Integer) second;
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
    void aRecordBehindTheWatermarkIsDroppedAndOneAfterTheFirstWasEmittedIgnored() {
        GeneratedData input = inputWithWatermarks(
                "o1", "10", 6, "none", "none",
                "o2", "20", 2, 1, 1,      // o2's only record is 1 s ahead of the watermark: kept
                "o3", "30", 0, 1, 1,      // behind the watermark: dropped, no row for o3
                "o1", "11", 5, 6, 6,      // earlier than o1's first, but the watermark reached 6 s: o1 emitted
                "o4", "40", 7, 6, 6);

        assertThat(kept("o1", "10", 6, "o2", "20", 2, "o4", "40", 7)).keepsFirstByEventTimeOf(input, "order_id");
        assertThatThrownBy(() -> assertThat(kept("o1", "11", 5, "o2", "20", 2, "o3", "30", 0, "o4", "40", 7))
                .keepsFirstByEventTimeOf(input, "order_id"))
                .hasMessageEndingWith("""
                        but could not find 1 row, and found 2 unexpected rows:
                              order_id | amount | ts
                          differing (1):
                            - o1       | 10.00  | 2024-01-01 00:00:06
                            + o1       | 11.00  | 2024-01-01 00:00:05
                                         ^^^^^    ^^^^^^^^^^^^^^^^^^^
                          unexpected (1):
                            + o3       | 30.00  | 2024-01-01 00:00:00""");
    }

    @Test
    void whereTheWatermarkIsNotKnownEveryPossibleRowIsAccepted() {
        GeneratedData input = inputWithWatermarks(
                "o1", "10", 6, "none", "none",
                "o1", "11", 5, "none", 6);   // the watermark may or may not have reached 6 s

        assertThat(kept("o1", "10", 6)).keepsFirstByEventTimeOf(input, "order_id");
        assertThat(kept("o1", "11", 5)).keepsFirstByEventTimeOf(input, "order_id");
        assertThatThrownBy(() -> assertThat(kept("o1", "12", 5)).keepsFirstByEventTimeOf(input, "order_id"))
                .hasMessageContaining("as Flink's deduplication does: 1 row, 1 key with more than one possible row"
                        + " (on columns order_id, amount, ts)\n");
    }

    @Test
    void keepsLastByEventTimeTakesTheLatestEventAndOnATieTheLatestArrival() {
        assertThat(kept("o1", "11", 4, "o3", "31", 6, "o2", "21", 2)).keepsLastByEventTimeOf(INPUT, "order_id");
    }

    @Test
    void keepsLastFailsWithTheDiff() {
        assertThatThrownBy(() -> assertThat(kept("o1", "11", 4, "o3", "31", 6, "o2", "20", 2))
                .keepsLastByEventTimeOf(INPUT, "order_id"))
                .hasMessage("""

                        Expecting table first_orders (append, 3 rows)
                        to keep the last record per order_id by event time of its input (6 records, seed 42) as \
                        Flink's deduplication does: 3 rows (on columns order_id, amount, ts)
                        but could not find 1 row, and found 1 unexpected row:
                              order_id | amount | ts
                          differing (1):
                            - o2       | 21.00  | 2024-01-01 00:00:02
                            + o2       | 20.00  | 2024-01-01 00:00:02
                                         ^^^^^""");
    }

    @Test
    void aRowOfAnotherRecordFailsWithTheDiff() {
        assertThatThrownBy(() -> assertThat(kept("o1", "10", 1, "o2", "20", 2, "o3", "31", 6))
                .keepsFirstByEventTimeOf(INPUT, "order_id"))
                .hasMessage("""

                        Expecting table first_orders (append, 3 rows)
                        to keep the first record per order_id by event time of its input (6 records, seed 42) as \
                        Flink's deduplication does: 3 rows (on columns order_id, amount, ts)
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
