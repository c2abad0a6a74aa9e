package io.flinkharness.cases.internal;

import static io.flinkharness.results.ResultAssertions.assertThat;

import io.flinkharness.cases.internal.CaseDocument.OracleDocument;
import io.flinkharness.oracle.Oracle;
import io.flinkharness.oracle.OracleResult;
import io.flinkharness.oracle.WindowOracle;
import io.flinkharness.run.TableCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code oracle:} in an expectation: the window aggregation the oracle computes from the generated input, compared
 * with the table on the columns both have. Windows whose result depends on timing are left out, and said so.
 * Not part of the public API.
 *
 * <pre>
 * oracle:
 *   input: clicks
 *   tumble: 10s                      # or hop: { size, slide }, cumulate: { step, size }; offset: with tumble
 *   groupBy: [user_id]
 *   aggregates: { clicks: count(*), total: sum(amount), pages: count(distinct page), top: max(amount) }
 *   windowColumns: [window_start, window_end]     # the default
 * </pre>
 */
final class OracleChecks {
    private static final Pattern AGGREGATE = Pattern.compile(
            "(?i)\\s*(count|sum|avg|min|max)\\s*\\(\\s*(distinct\\s+)?([`\\w*]+)\\s*\\)\\s*");
    private static final String AGGREGATE_FIX = "write count(*), count(field), count(distinct field), sum(field),"
            + " avg(field), min(field) or max(field)";

    private final Problems problems;
    private final TableChecks durations;

    OracleChecks(Problems problems, TableChecks durations) {
        this.problems = problems;
        this.durations = durations;
    }

    TableCheck read(String path, OracleDocument doc, String input) {
        WindowOracle oracle = windowing(path, doc);
        List<String> columns = new ArrayList<>();
        List<String> windowColumns = doc.windowColumns() == null ? List.of("window_start", "window_end")
                : doc.windowColumns();
        if (windowColumns.size() != 2) {
            throw problems.atValue(FieldPath.field(path, "windowColumns"), "expected 2 columns, got "
                    + windowColumns.size(), "name the window start and end columns, e.g. [window_start, window_end]");
        }
        oracle = oracle.windowColumns(windowColumns.get(0), windowColumns.get(1));
        columns.addAll(windowColumns);
        if (doc.groupBy() != null && !doc.groupBy().isEmpty()) {
            oracle = oracle.groupBy(doc.groupBy().toArray(String[]::new));
            columns.addAll(doc.groupBy());
        }
        if (doc.aggregates() == null || doc.aggregates().isEmpty()) {
            throw problems.atValue(FieldPath.field(path, "aggregates"), "missing",
                    "name each output column and its aggregate, e.g. aggregates: { clicks: count(*) }");
        }
        for (Map.Entry<String, String> a : doc.aggregates().entrySet()) {
            oracle = aggregate(FieldPath.field(FieldPath.field(path, "aggregates"), a.getKey()), oracle, a.getKey(),
                    a.getValue());
            columns.add(a.getKey());
        }
        WindowOracle query = oracle;
        return (table, c) -> {
            String[] shared = columns.stream().filter(col -> table.column(col).isPresent()).toArray(String[]::new);
            OracleResult expected = query.select(shared).expected(c.generated().get(input));
            if (expected.isExact()) {
                assertThat(table).columns(shared).containsExactlyRowsInAnyOrder(expected.rows());
            } else {
                expected.assertMatches(table.describe(), table.toRows().stream()
                        .map(r -> io.flinkharness.rows.Row.of(only(r.values(), shared))).toList());
            }
        };
    }

    private static Map<String, Object> only(Map<String, Object> values, String[] columns) {
        Map<String, Object> kept = new java.util.LinkedHashMap<>();
        for (String column : columns) {
            kept.put(column, values.get(column));
        }
        return kept;
    }

    private WindowOracle windowing(String path, OracleDocument doc) {
        int kinds = (doc.tumble() != null ? 1 : 0) + (doc.hop() != null ? 1 : 0) + (doc.cumulate() != null ? 1 : 0);
        if (kinds != 1) {
            throw problems.atValue(path, kinds == 0 ? "no windowing" : "more than one of tumble, hop and cumulate",
                    "give the one windowing the query uses: tumble: 10s, hop: { size: 10s, slide: 5s } or"
                            + " cumulate: { step: 5s, size: 20s }");
        }
        if (doc.tumble() != null) {
            Duration size = durations.positive(FieldPath.field(path, "tumble"), doc.tumble());
            return doc.offset() == null ? Oracle.tumble(size)
                    : Oracle.tumble(size, durations.duration(FieldPath.field(path, "offset"), doc.offset()));
        }
        if (doc.offset() != null) {
            throw problems.atValue(FieldPath.field(path, "offset"), "an offset without tumble",
                    "give tumble: SIZE with it, or leave offset out");
        }
        if (doc.hop() != null) {
            String at = FieldPath.field(path, "hop");
            return Oracle.hop(durations.positive(FieldPath.field(at, "slide"), doc.hop().slide()),
                    durations.positive(FieldPath.field(at, "size"), doc.hop().size()));
        }
        String at = FieldPath.field(path, "cumulate");
        return Oracle.cumulate(durations.positive(FieldPath.field(at, "step"), doc.cumulate().step()),
                durations.positive(FieldPath.field(at, "size"), doc.cumulate().size()));
    }

    private WindowOracle aggregate(String path, WindowOracle oracle, String alias, String expression) {
        Matcher m = expression == null ? null : AGGREGATE.matcher(expression);
        if (m == null || !m.matches()) {
            throw problems.atValue(path, "'" + expression + "' is not an aggregate the oracle computes",
                    AGGREGATE_FIX);
        }
        String function = m.group(1).toLowerCase(java.util.Locale.ROOT);
        boolean distinct = m.group(2) != null;
        String field = m.group(3).replace("`", "");
        boolean star = field.equals("*");
        if (star && !(function.equals("count") && !distinct)) {
            throw problems.atValue(path, "'" + expression + "': only count takes *", AGGREGATE_FIX);
        }
        if (distinct && !function.equals("count")) {
            throw problems.atValue(path, "'" + expression + "': the oracle computes distinct for count only",
                    AGGREGATE_FIX);
        }
        try {
            return switch (function) {
                case "count" -> star ? oracle.count(alias) : distinct ? oracle.countDistinct(field, alias)
                        : oracle.count(field, alias);
                case "sum" -> oracle.sum(field, alias);
                case "avg" -> oracle.avg(field, alias);
                case "min" -> oracle.min(field, alias);
                default -> oracle.max(field, alias);
            };
        } catch (IllegalArgumentException e) {
            throw problems.atValue(path, e.getMessage(), AGGREGATE_FIX);
        }
    }
}
