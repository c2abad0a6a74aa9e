package io.flinkharness.oracle;

import io.flinkharness.oracle.internal.Windowing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes what Flink SQL produces from a {@link io.flinkharness.data.GeneratedData generated} input, from the
 * records and their labels alone: window aggregations (TUMBLE, HOP, CUMULATE with COUNT, SUM, MIN, MAX, AVG,
 * COUNT DISTINCT) and ROW_NUMBER deduplication (keep first, keep last, on event or processing time). Where the
 * result depends on timing the labels cannot pin down (several partitions, periodic watermarks), the window or key
 * is flagged with the reason instead of guessed.
 *
 * <pre>{@code
 * OracleResult counts = Oracle.tumble(Duration.ofSeconds(10)).groupBy("user_id")
 *         .count("clicks").sum("amount", "total")
 *         .expected(data);
 * OracleResult firstOrders = Oracle.dedup("order_id").keepFirst().expected(orders);
 * runner.run(SqlCase.named("clicks").topic("clicks", 1).topic("counts", 1).input("clicks", data)
 *         .ddl(DDL).dml(DML).expectRows("counts", counts.rows()).build()).assertPassed();
 * }</pre>
 *
 * <p>Windows are aligned in UTC, as Flink aligns them over a TIMESTAMP rowtime (over a TIMESTAMP_LTZ rowtime Flink
 * aligns them in the session time zone: the oracle assumes UTC). Every window is assumed to fire in the end, as in
 * bounded runs, where the final watermark closes them all.
 */
public final class Oracle {
    private Oracle() {
    }

    /**
     * {@code TUMBLE(TABLE t, DESCRIPTOR(rowtime), size)}.
     *
     * @throws IllegalArgumentException if the size is not positive or not whole milliseconds
     */
    public static WindowOracle tumble(Duration size) {
        return new WindowOracle(Windowing.tumble(size, Duration.ZERO));
    }

    /**
     * {@code TUMBLE(TABLE t, DESCRIPTOR(rowtime), size, offset)}: windows start at {@code offset} past the multiples of
     * the size. Flink 2.2 may lose records of such windows (FLINK-36664: its window operators flush buffered records
     * at watermarks aligned to the size, not to the offset; what is lost depends on checkpoint timing), so every
     * window is {@linkplain OracleResult#flagged() flagged}, its reason giving the row SQL semantics call for.
     *
     * @throws IllegalArgumentException if the size is not positive, or the offset not shorter than the size
     */
    public static WindowOracle tumble(Duration size, Duration offset) {
        return new WindowOracle(Windowing.tumble(size, offset));
    }

    /**
     * {@code HOP(TABLE t, DESCRIPTOR(rowtime), slide, size)}: windows of {@code size} every {@code slide}.
     *
     * @throws IllegalArgumentException if either is not positive, or the size not a whole multiple of the slide
     *     (Flink slices hopping windows by the slide)
     */
    public static WindowOracle hop(Duration slide, Duration size) {
        return new WindowOracle(Windowing.hop(slide, size));
    }

    /**
     * {@code CUMULATE(TABLE t, DESCRIPTOR(rowtime), step, maxSize)}: windows that grow by {@code step} from the
     * start of each {@code maxSize} period.
     *
     * @throws IllegalArgumentException if either is not positive, or the max size not a whole multiple of the step
     */
    public static WindowOracle cumulate(Duration step, Duration maxSize) {
        return new WindowOracle(Windowing.cumulate(step, maxSize));
    }

    /**
     * {@code ROW_NUMBER() OVER (PARTITION BY keys ORDER BY ...) = 1}; keep-first on event time unless told otherwise.
     *
     * @param keyFields the PARTITION BY fields of the records
     * @throws IllegalArgumentException if no key field is given
     */
    public static DedupOracle dedup(String... keyFields) {
        List<String> keys = new ArrayList<>();
        for (String key : keyFields) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("dedup: a key field cannot be " + (key == null ? "null" : "blank"));
            }
            keys.add(key);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("dedup needs at least one key field (the PARTITION BY columns),"
                    + " e.g. Oracle.dedup(\"order_id\")");
        }
        return new DedupOracle(keys);
    }
}
