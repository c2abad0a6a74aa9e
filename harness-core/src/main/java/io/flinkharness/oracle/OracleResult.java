package io.flinkharness.oracle;

import io.flinkharness.rows.Row;
import io.flinkharness.rows.RowDiff;
import io.flinkharness.run.SqlCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What Flink computes from a generated input, as far as the labels decide it: the expected rows of every window or
 * key whose result does not depend on timing, the flagged ones whose result does, and an explanation (dropped
 * records, flagged windows and why).
 *
 * <pre>{@code
 * OracleResult expected = Oracle.tumble(Duration.ofSeconds(10)).groupBy("user_id").count("clicks").expected(data);
 * SqlCase c = SqlCase.named("clicks").topic("clicks", 1).topic("counts", 1).input("clicks", data)
 *         .ddl(DDL).dml(DML)
 *         .expectRows("counts", expected.rows())          // exact when expected.isExact()
 *         .build();
 * expected.assertMatches(actualRows);                     // or: compare what the oracle predicts, list the rest
 * }</pre>
 */
public final class OracleResult {
    private final String query;
    private final List<Row> rows;
    private final List<Flagged> flagged;
    private final List<String> keyColumns;
    private final boolean emitsUpdates;
    private final String explanation;

    OracleResult(String query, List<Row> rows, List<Flagged> flagged, List<String> keyColumns, boolean emitsUpdates,
            String explanation) {
        this.query = query;
        this.rows = List.copyOf(rows);
        this.flagged = List.copyOf(flagged);
        this.keyColumns = List.copyOf(keyColumns);
        this.emitsUpdates = emitsUpdates;
        this.explanation = explanation;
    }

    /**
     * The rows of every window (or dedup key) the oracle predicts: the final table. Give them to
     * {@link SqlCase.Builder#expectRows} for an append sink, or {@link SqlCase.Builder#expectUpsertRows} for an
     * upsert sink; flagged windows and keys are not among them.
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * The table an upsert sink keyed by the window and group key (or the dedup key) holds once the job has
     * finished: the last row per key. For the operations the oracle covers every key ends with one row, so these
     * are {@link #rows()}; use them with {@link SqlCase.Builder#expectUpsertRows}, e.g. for keep-last
     * deduplication, whose updates an append-only sink refuses.
     */
    public List<Row> upsertRows() {
        return rows;
    }

    /** The windows or keys whose result depends on timing, with the reason and the records concerned. */
    public List<Flagged> flagged() {
        return flagged;
    }

    /** Whether nothing is flagged: then {@link #rows()} is exactly what Flink writes. */
    public boolean isExact() {
        return flagged.isEmpty();
    }

    /**
     * Whether Flink emits updates (keep-last deduplication: an insert, then an update each time a later row replaces
     * the kept one), so the sink must accept them (e.g. {@code upsert-kafka}); otherwise Flink only appends.
     */
    public boolean emitsUpdates() {
        return emitsUpdates;
    }

    /** The columns that identify a row: the window columns and the group key, or the dedup key (those selected). */
    public List<String> keyColumns() {
        return keyColumns;
    }

    /** The query, the input, the result, every dropped record and every flagged window or key, with reasons. */
    public String explanation() {
        return explanation;
    }

    /** {@link #assertMatches(String, List)} describing the actual rows as "actual rows". */
    public OracleResult assertMatches(List<Row> actual) {
        return assertMatches("actual rows", actual);
    }

    /**
     * Compares the actual rows with the predicted ones, ignoring order, leaving out every actual row that belongs to
     * a flagged window or key (same {@link #keyColumns()} values). A test that cannot control timing (several
     * partitions, periodic watermarks) stays reliable, and a failure lists what was not compared and why.
     *
     * @param what the actual rows, for the message ({@code "topic 'counts'"})
     * @throws OracleMismatchError if the compared rows differ
     * @throws IllegalStateException if some windows or keys are flagged but no column tells rows apart (select
     *     the window or key columns): nothing could be compared
     */
    public OracleResult assertMatches(String what, List<Row> actual) {
        Objects.requireNonNull(actual, "actual cannot be null");
        if (keyColumns.isEmpty() && !flagged.isEmpty()) {
            throw new IllegalStateException(query + ": " + flagged.size() + " flagged, but the selected columns"
                    + " include no window or key column, so no row can be told apart from a flagged one — select"
                    + " window_start, window_end and the key columns to compare the rest");
        }
        Set<Row> flaggedKeys = new HashSet<>();
        flagged.forEach(f -> flaggedKeys.add(f.group()));
        List<Row> expectedCompared = new ArrayList<>();
        rows.stream().filter(r -> !flaggedKeys.contains(key(r))).forEach(expectedCompared::add);
        List<Row> actualCompared = new ArrayList<>();
        int left = 0;
        for (Row r : actual) {
            if (flaggedKeys.contains(key(r))) {
                left++;
            } else {
                actualCompared.add(r);
            }
        }
        RowDiff diff = RowDiff.ignoringOrder(expectedCompared, actualCompared);
        if (!diff.isEmpty()) {
            throw new OracleMismatchError(what + " against " + query + ": " + diff.render() + notCompared(left),
                    diff, flagged);
        }
        return this;
    }

    private Row key(Row row) {
        Map<String, Object> key = new LinkedHashMap<>();
        keyColumns.forEach(c -> key.put(c, row.get(c)));
        return Row.of(key);
    }

    private String notCompared(int actualRowsLeftOut) {
        if (flagged.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n  not compared (" + flagged.size() + " flagged, "
                + actualRowsLeftOut + " actual " + (actualRowsLeftOut == 1 ? "row" : "rows")
                + " left out), their result depends on timing:");
        flagged.stream().limit(20).forEach(f -> out.append("\n    ~ ").append(f));
        if (flagged.size() > 20) {
            out.append("\n    … and ").append(flagged.size() - 20).append(" more");
        }
        return out.toString();
    }

    /** The query and how many rows and flagged windows or keys. */
    @Override
    public String toString() {
        return "OracleResult[" + query + ": " + rows.size() + (rows.size() == 1 ? " row" : " rows")
                + (flagged.isEmpty() ? "" : ", " + flagged.size() + " flagged") + "]";
    }
}
