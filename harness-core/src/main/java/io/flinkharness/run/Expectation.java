package io.flinkharness.run;

import io.flinkharness.results.Tolerance;
import io.flinkharness.rows.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows expected on an output topic once the case has run, compared ignoring order, typed by the sink
 * table's columns: on every column or on some ({@link #onColumns}), exactly or within tolerances
 * ({@link #withTolerance}).
 *
 * <pre>{@code
 * Expectation averages = Expectation.of("averages", Row.of("user", "alice", "avg_amount", 3.33))
 *         .onColumns("user", "avg_amount")
 *         .withTolerance("avg_amount", Tolerance.of(0.01));
 * SqlCase c = SqlCase.named("averages")...expect(averages).build();
 * }</pre>
 *
 * @param topic the logical topic name, as declared in the case
 * @param columns the columns compared; empty for all of the sink table's
 * @param tolerances per column, how far apart values may be and still match
 * @param rowsChecked false for a topic that is only read ({@link SqlCase.Builder#output}), for
 *     {@link CaseResult#table}, or only checked by {@code checks}
 * @param checks further checks of the table (windows, uniqueness, deduplication), run in order
 */
public record Expectation(String topic, OutputMode mode, List<Row> rows, List<String> columns,
                          Map<String, Tolerance> tolerances, boolean rowsChecked, List<TableCheck> checks,
                          RowMatch match) {
    public Expectation {
        Objects.requireNonNull(topic, "topic cannot be null");
        Objects.requireNonNull(mode, "mode cannot be null");
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        tolerances = Collections.unmodifiableMap(new LinkedHashMap<>(tolerances));
        checks = List.copyOf(checks);
        Objects.requireNonNull(match, "match cannot be null");
    }

    /** An expectation whose rows match exactly, in any order. */
    public Expectation(String topic, OutputMode mode, List<Row> rows, List<String> columns,
                       Map<String, Tolerance> tolerances, boolean rowsChecked, List<TableCheck> checks) {
        this(topic, mode, rows, columns, tolerances, rowsChecked, checks, RowMatch.EXACTLY);
    }

    /** The same expectation matching its rows as {@code how} says. */
    public Expectation matching(RowMatch how) {
        return new Expectation(topic, mode, rows, columns, tolerances, rowsChecked, checks, how);
    }

    /** An expectation without further checks. */
    public Expectation(String topic, OutputMode mode, List<Row> rows, List<String> columns,
                       Map<String, Tolerance> tolerances, boolean rowsChecked) {
        this(topic, mode, rows, columns, tolerances, rowsChecked, List.of());
    }

    /** The same expectation with one more check of the table. */
    public Expectation withCheck(TableCheck check) {
        List<TableCheck> copy = new ArrayList<>(checks);
        copy.add(Objects.requireNonNull(check, "check cannot be null"));
        return new Expectation(topic, mode, rows, columns, tolerances, rowsChecked, copy, match);
    }

    /** Rows compared exactly on every column. */
    public Expectation(String topic, OutputMode mode, List<Row> rows) {
        this(topic, mode, rows, List.of(), Map.of(), true);
    }

    /** Every record of the topic is a row ({@link OutputMode#APPEND}). */
    public static Expectation of(String topic, Row... rows) {
        return new Expectation(topic, OutputMode.APPEND, Arrays.asList(rows));
    }

    public static Expectation of(String topic, OutputMode mode, List<Row> rows) {
        return new Expectation(topic, mode, rows);
    }

    /** A topic read into {@link CaseResult#table} without checking rows, as its sink table makes rows. */
    public static Expectation readOnly(String topic) {
        return new Expectation(topic, OutputMode.APPEND, List.of(), List.of(), Map.of(), false);
    }

    /** The same expectation with row {@code index} replaced. */
    public Expectation withRow(int index, Row row) {
        List<Row> copy = new ArrayList<>(rows);
        copy.set(index, row);
        return new Expectation(topic, mode, copy, columns, tolerances, rowsChecked, checks, match);
    }

    /** Compares on these columns only; the rows then give exactly these columns. */
    public Expectation onColumns(String... columnNames) {
        return new Expectation(topic, mode, rows, List.of(columnNames), tolerances, rowsChecked, checks, match);
    }

    public Expectation withTolerance(String column, Tolerance tolerance) {
        Map<String, Tolerance> copy = new LinkedHashMap<>(tolerances);
        copy.put(Objects.requireNonNull(column, "column cannot be null"),
                Objects.requireNonNull(tolerance, "tolerance cannot be null"));
        return new Expectation(topic, mode, rows, columns, copy, rowsChecked, checks, match);
    }

    /** Values of a FLOAT, DOUBLE or DECIMAL column match when at most {@code amount} apart. */
    public Expectation withTolerance(String column, BigDecimal amount) {
        return withTolerance(column, Tolerance.of(amount));
    }

    /** Values of a TIMESTAMP, TIMESTAMP_LTZ or TIME column match when at most {@code amount} apart. */
    public Expectation withTolerance(String column, Duration amount) {
        return withTolerance(column, Tolerance.of(amount));
    }
}
