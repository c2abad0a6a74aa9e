package io.flinkharness.data;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;

/** Test schemas written as Flink row types. */
final class Schemas {
    private Schemas() {
    }

    static RecordSchema row(String rowType) {
        RowType type = (RowType) LogicalTypeParser.parse(rowType, Schemas.class.getClassLoader());
        return new RecordSchema("test row " + rowType, type, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), false, Map.of());
    }

    /** user_id, page, amount, ts TIMESTAMP(3) with ts as the event-time field. */
    static RecordSchema clicks() {
        return row("ROW<user_id STRING, page STRING, amount INT, ts TIMESTAMP(3)>").withEventTimeField("ts");
    }
}
