package io.flinkharness.oracle.internal;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.data.Lateness;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/** A dedup query checked against the generated records: keys and output fields resolved. Not part of the public API. */
final class DedupPlan {
    final DedupQuery query;
    final List<FieldRef> keys = new ArrayList<>();
    final List<FieldRef> selected = new ArrayList<>();
    final List<String> keyColumns = new ArrayList<>();

    private DedupPlan(DedupQuery query) {
        this.query = query;
    }

    static DedupPlan of(DedupQuery query, GeneratedData data) {
        Problems problems = new Problems();
        RowType rowType = data.schema().rowType();
        DedupPlan plan = new DedupPlan(query);
        for (String key : query.keys()) {
            FieldRef.resolve(key, rowType, "dedup key \"" + key + "\"", problems).ifPresent(plan.keys::add);
        }
        List<String> fields = query.select().isEmpty() ? rowType.getFieldNames() : query.select();
        List<String> columns = new ArrayList<>();
        for (String field : fields) {
            FieldRef.resolve(field, rowType, "select(\"" + field + "\")", problems).ifPresent(f -> {
                if (columns.contains(f.column())) {
                    problems.add("select(\"" + field + "\"): column '" + f.column() + "' is selected twice");
                }
                columns.add(f.column());
                plan.selected.add(f);
            });
        }
        if (query.eventTime() && data.stream().anyMatch(r -> r.lateness() == Lateness.UNKNOWN)) {
            problems.add(query + ": the generated records have no watermark (" + data.schema().description()
                    + " declares none), so Flink has no rowtime to order them by — declare WATERMARK FOR <field>"
                    + " AS ... in the table's DDL or DataGenerator.watermark(...), or deduplicate on processing time"
                    + " with onProcessingTime()");
        }
        problems.throwIfAny(query.toString());
        plan.keys.stream().map(FieldRef::column).filter(columns::contains).forEach(plan.keyColumns::add);
        return plan;
    }

    List<String> columnNames() {
        return selected.stream().map(FieldRef::column).toList();
    }

    List<LogicalType> columnTypes() {
        return selected.stream().map(FieldRef::type).toList();
    }
}
