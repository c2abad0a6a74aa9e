package io.flinkharness.oracle.internal;

import io.flinkharness.data.RecordEncoder;
import io.flinkharness.data.RecordEncoders;
import io.flinkharness.data.Struct;
import io.flinkharness.rows.Row;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Turns values into {@link Row}s exactly as a sink with Flink's {@code json} format would write them, by writing
 * them with that format and reading the JSON back: timestamps as {@code 2026-01-01 00:00:10.5}, decimals with their
 * scale, nulls as null. Not part of the public API.
 */
public final class RowRenderer {
    private final List<String> names;
    private final RecordEncoder json;

    /** Columns of these names and types, in this order. */
    public RowRenderer(List<String> names, List<LogicalType> types) {
        this.names = List.copyOf(names);
        List<RowType.RowField> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(new RowType.RowField(names.get(i), types.get(i).copy(true)));
        }
        this.json = RecordEncoders.json(new RowType(fields));
    }

    /** The row of these values, one per column. */
    public Row render(List<Object> values) {
        return Row.fromJson(new String(json.encode(Struct.of(names, values)), StandardCharsets.UTF_8));
    }
}
