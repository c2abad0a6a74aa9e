package io.flinkharness.oracle.internal;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.Lateness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.TimestampType;

/**
 * A window query checked against the generated records: its fields resolved, the result types of its aggregates,
 * its output columns. Every problem is found before anything is computed. Not part of the public API.
 */
final class WindowPlan {
    final WindowQuery query;
    final List<FieldRef> keys = new ArrayList<>();
    final List<FieldRef> arguments = new ArrayList<>();
    final List<LogicalType> resultTypes = new ArrayList<>();
    /** Every column in default order, with its type. */
    final Map<String, LogicalType> columns = new LinkedHashMap<>();
    final List<String> selected;
    final List<String> keyColumns = new ArrayList<>();

    private WindowPlan(WindowQuery query, List<String> selected) {
        this.query = query;
        this.selected = selected;
    }

    static WindowPlan of(WindowQuery query, GeneratedData data) {
        Problems problems = new Problems();
        RowType rowType = data.schema().rowType();
        WindowPlan plan = new WindowPlan(query, query.select().isEmpty() ? query.definedColumns() : query.select());
        plan.columns.put(query.windowStart(), new TimestampType(3));
        plan.columns.put(query.windowEnd(), new TimestampType(3));
        Map<String, String> origin = new HashMap<>();
        for (String field : query.groupBy()) {
            Optional<FieldRef> key = FieldRef.resolve(field, rowType, "groupBy(\"" + field + "\")", problems);
            key.ifPresent(k -> {
                plan.keys.add(k);
                plan.define(k.column(), k.type(), "groupBy(\"" + field + "\")", origin, problems);
            });
        }
        for (AggregateSpec spec : query.aggregates()) {
            plan.addAggregate(spec, rowType, problems, origin);
        }
        requireWatermark(query, data, problems);
        checkSelect(query.select(), query.definedColumns(), problems);
        problems.throwIfAny(query.toString());
        plan.selected.stream().filter(c -> c.equals(query.windowStart()) || c.equals(query.windowEnd())
                || plan.keys.stream().anyMatch(k -> k.column().equals(c))).forEach(plan.keyColumns::add);
        return plan;
    }

    private void addAggregate(AggregateSpec spec, RowType rowType, Problems problems, Map<String, String> origin) {
        FieldRef argument = null;
        Optional<LogicalType> result = Optional.empty();
        if (spec.kind() == AggregateKind.COUNT_STAR) {
            result = Aggregates.resultType(spec, null, null, problems);
        } else {
            Optional<FieldRef> resolved = FieldRef.resolve(spec.field(), rowType, spec.call(), problems);
            if (resolved.isPresent()) {
                argument = resolved.get();
                result = Aggregates.resultType(spec, argument.type(), argument.typeName(), problems);
            }
        }
        arguments.add(argument);
        resultTypes.add(result.orElse(null));
        define(spec.alias(), result.orElse(null), spec.call(), origin, problems);
    }

    private void define(String column, LogicalType type, String call, Map<String, String> origin, Problems problems) {
        String earlier = origin.putIfAbsent(column, call);
        if (earlier != null || column.equals(query.windowStart()) || column.equals(query.windowEnd())) {
            problems.add(call + ": column '" + column + "' is already " + (earlier == null ? "a window column"
                    : "defined by " + earlier) + " — give each output column its own name");
            return;
        }
        columns.put(column, type);
    }

    static void checkSelect(List<String> select, List<String> columns, Problems problems) {
        List<String> seen = new ArrayList<>();
        for (String column : select) {
            if (!columns.contains(column)) {
                problems.add("select(\"" + column + "\"): no column '" + column + "' — "
                        + Names.didYouMean(column, columns, "columns"));
            } else if (seen.contains(column)) {
                problems.add("select: column '" + column + "' is selected twice");
            }
            seen.add(column);
        }
    }

    private static void requireWatermark(WindowQuery query, GeneratedData data, Problems problems) {
        if (data.stream().anyMatch(r -> r.lateness() == Lateness.UNKNOWN)) {
            problems.add(query.windowing() + ": the generated records have no watermark (" + data.schema()
                    .description() + " declares none), so Flink has no event time to window them by — declare"
                    + " WATERMARK FOR <field> AS <field> - INTERVAL ... in the table's DDL, or"
                    + " DataGenerator.watermark(...)");
        }
    }

    List<LogicalType> selectedTypes() {
        return selected.stream().map(columns::get).toList();
    }
}
