package io.flinkharness.oracle;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.oracle.internal.DedupEngine;
import io.flinkharness.oracle.internal.DedupQuery;
import io.flinkharness.oracle.internal.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The expected result of a deduplication, {@code SELECT <fields> FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY
 * <keys> ORDER BY <time> ASC|DESC) AS rn FROM t) WHERE rn = 1}, over generated records: the table it ends with, one
 * row per key. Immutable: every method returns a new oracle. Keep-first on event time by default.
 *
 * <pre>{@code
 * OracleResult first = Oracle.dedup("order_id").keepFirst().expected(data);          // ORDER BY ts ASC
 * OracleResult last = Oracle.dedup("order_id").keepLast().select("order_id", "status").expected(data);
 * SqlCase.named("latest status")...expectUpsertRows("latest", last.upsertRows());     // keep-last emits updates
 * }</pre>
 *
 * <p>What Flink 2.2 does (mini-batch off, its default): keep-first on event time drops a record whose rowtime is
 * below the watermark when it arrives, keeps the smallest rowtime (the earliest arrival among equal ones) and only
 * appends; keep-last on event time drops nothing, keeps the largest rowtime (the latest arrival among equal ones)
 * and emits an update for every replacement; on processing time the first or the last record to arrive wins.
 */
public final class DedupOracle {
    private final DedupQuery query;

    DedupOracle(List<String> keys) {
        this(new DedupQuery(keys, false, true, List.of()));
    }

    private DedupOracle(DedupQuery query) {
        this.query = query;
    }

    /** {@code ORDER BY <time> ASC}: the first row per key (the default). */
    public DedupOracle keepFirst() {
        return new DedupOracle(new DedupQuery(query.keys(), false, query.eventTime(), query.select()));
    }

    /** {@code ORDER BY <time> DESC}: the last row per key. */
    public DedupOracle keepLast() {
        return new DedupOracle(new DedupQuery(query.keys(), true, query.eventTime(), query.select()));
    }

    /** Ordered by the table's rowtime, which comes from each record's label (the default). */
    public DedupOracle onEventTime() {
        return new DedupOracle(new DedupQuery(query.keys(), query.keepLast(), true, query.select()));
    }

    /** Ordered by a {@code PROCTIME()} column: the order in which Flink reads the records. */
    public DedupOracle onProcessingTime() {
        return new DedupOracle(new DedupQuery(query.keys(), query.keepLast(), false, query.select()));
    }

    /**
     * The output fields, in this order, named by the last part of their path (by default every top-level field of
     * the records).
     */
    public DedupOracle select(String... fields) {
        List<String> selected = new ArrayList<>();
        for (String field : fields) {
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("select: a field name cannot be " + (field == null ? "null"
                        : "blank"));
            }
            selected.add(field);
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("select needs at least one field — leave it out to select all");
        }
        return new DedupOracle(new DedupQuery(query.keys(), query.keepLast(), query.eventTime(), selected));
    }

    /**
     * The table Flink ends with: one row per key, unless the kept row depends on timing (then the key is flagged).
     *
     * @throws IllegalArgumentException listing every problem of this oracle with the data: unknown fields, no
     *     watermark for event time
     */
    public OracleResult expected(GeneratedData data) {
        Objects.requireNonNull(data, "data cannot be null");
        Outcome outcome = DedupEngine.run(query, data);
        return new OracleResult(query.toString(), outcome.rows(), outcome.flagged(), outcome.keyColumns(),
                query.keepLast(), outcome.explanation());
    }

    @Override
    public String toString() {
        return query.toString();
    }
}
