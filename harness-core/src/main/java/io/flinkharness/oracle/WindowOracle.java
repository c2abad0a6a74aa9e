package io.flinkharness.oracle;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.oracle.internal.AggregateKind;
import io.flinkharness.oracle.internal.AggregateSpec;
import io.flinkharness.oracle.internal.Outcome;
import io.flinkharness.oracle.internal.WindowEngine;
import io.flinkharness.oracle.internal.WindowQuery;
import io.flinkharness.oracle.internal.Windowing;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The expected result of a window aggregation,
 * {@code SELECT window_start, window_end, <keys>, <aggregates> FROM TABLE(TUMBLE|HOP|CUMULATE(...))
 * GROUP BY window_start, window_end, <keys>}, over generated records. Immutable: every method returns a new oracle.
 * Field names are those of the generated records ({@link io.flinkharness.data.GeneratedRecord#value()}, dotted paths
 * into nested rows); the event time comes from each record's label. Output columns are named as the sink's columns:
 * {@code window_start} and {@code window_end} (renamed with {@link #windowColumns}), the group key fields (the last
 * part of a dotted path), and the aliases of the aggregates; {@link #select} picks and orders them.
 *
 * <pre>{@code
 * OracleResult expected = Oracle.tumble(Duration.ofSeconds(10))
 *         .groupBy("user_id")
 *         .count("clicks")                 // COUNT(*) AS clicks
 *         .sum("amount", "total")          // SUM(amount) AS total
 *         .select("window_start", "user_id", "clicks", "total")
 *         .expected(data);
 * }</pre>
 *
 * <p>Aggregates: COUNT(*), COUNT(x), COUNT(DISTINCT x), SUM and AVG of TINYINT, SMALLINT, INT, BIGINT and DECIMAL
 * (with Flink's result types: AVG of INT is INT, truncated; SUM of DECIMAL(p, s) is DECIMAL(38, s); AVG of
 * DECIMAL(p, s) is DECIMAL(38, max(6, s))), MIN and MAX of numbers, strings, booleans, dates, times and timestamps.
 */
public final class WindowOracle {
    private final WindowQuery query;

    WindowOracle(Windowing windowing) {
        this(new WindowQuery(windowing, List.of(), List.of(), "window_start", "window_end", List.of()));
    }

    private WindowOracle(WindowQuery query) {
        this.query = query;
    }

    /** The group key fields, after window_start and window_end ({@code GROUP BY window_start, window_end, ...}). */
    public WindowOracle groupBy(String... fields) {
        List<String> keys = new ArrayList<>(query.groupBy());
        for (String field : fields) {
            keys.add(name(field, "groupBy: a field name"));
        }
        return with(new WindowQuery(query.windowing(), keys, query.aggregates(), query.windowStart(),
                query.windowEnd(), query.select()));
    }

    /** {@code COUNT(*) AS alias}. */
    public WindowOracle count(String alias) {
        return add(new AggregateSpec(AggregateKind.COUNT_STAR, null, name(alias, "count: the column name")));
    }

    /** {@code COUNT(field) AS alias}: the records whose field is not null. */
    public WindowOracle count(String field, String alias) {
        return add(AggregateKind.COUNT, field, alias);
    }

    /** {@code COUNT(DISTINCT field) AS alias}: how many distinct non-null values. */
    public WindowOracle countDistinct(String field, String alias) {
        return add(AggregateKind.COUNT_DISTINCT, field, alias);
    }

    /** {@code SUM(field) AS alias}, of TINYINT, SMALLINT, INT, BIGINT or DECIMAL. */
    public WindowOracle sum(String field, String alias) {
        return add(AggregateKind.SUM, field, alias);
    }

    /** {@code AVG(field) AS alias}, of TINYINT, SMALLINT, INT, BIGINT or DECIMAL, typed as Flink types it. */
    public WindowOracle avg(String field, String alias) {
        return add(AggregateKind.AVG, field, alias);
    }

    /** {@code MIN(field) AS alias}. */
    public WindowOracle min(String field, String alias) {
        return add(AggregateKind.MIN, field, alias);
    }

    /** {@code MAX(field) AS alias}. */
    public WindowOracle max(String field, String alias) {
        return add(AggregateKind.MAX, field, alias);
    }

    /** The names of the window_start and window_end columns, as the sink names them. */
    public WindowOracle windowColumns(String windowStart, String windowEnd) {
        return with(new WindowQuery(query.windowing(), query.groupBy(), query.aggregates(),
                name(windowStart, "windowColumns: the window_start column name"),
                name(windowEnd, "windowColumns: the window_end column name"), query.select()));
    }

    /** The output columns, in this order (by default every column: window columns, keys, aggregates). */
    public WindowOracle select(String... columns) {
        List<String> selected = new ArrayList<>();
        for (String column : columns) {
            selected.add(name(column, "select: a column name"));
        }
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("select needs at least one column — leave it out to select all");
        }
        return with(new WindowQuery(query.windowing(), query.groupBy(), query.aggregates(), query.windowStart(),
                query.windowEnd(), selected));
    }

    /**
     * The result Flink computes from {@code data}: a row for every window and group key that at least one record
     * counts in, unless a record may arrive on either side of the moment its window fires (then the window and key
     * are flagged).
     *
     * @throws IllegalArgumentException listing every problem of this oracle with the data: unknown fields,
     *     aggregates over types they do not take, clashing column names, records without a watermark
     */
    public OracleResult expected(GeneratedData data) {
        Objects.requireNonNull(data, "data cannot be null");
        Outcome outcome = WindowEngine.run(query, data);
        return new OracleResult(query.toString(), outcome.rows(), outcome.flagged(), outcome.keyColumns(), false,
                outcome.explanation());
    }

    private WindowOracle add(AggregateKind kind, String field, String alias) {
        String call = kind.method() + "(\"" + field + "\", \"" + alias + "\")";
        return add(new AggregateSpec(kind, name(field, call + ": the field name"),
                name(alias, call + ": the column name")));
    }

    private WindowOracle add(AggregateSpec spec) {
        List<AggregateSpec> aggregates = new ArrayList<>(query.aggregates());
        aggregates.add(spec);
        return with(new WindowQuery(query.windowing(), query.groupBy(), aggregates, query.windowStart(),
                query.windowEnd(), query.select()));
    }

    private static String name(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " cannot be " + (name == null ? "null" : "blank"));
        }
        return name;
    }

    private static WindowOracle with(WindowQuery query) {
        return new WindowOracle(query);
    }

    /** {@code TUMBLE(size 10 s) GROUP BY user_id: COUNT(*) AS clicks}. */
    @Override
    public String toString() {
        return query.toString();
    }
}
