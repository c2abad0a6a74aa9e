package io.flinkharness.cli.validate;

import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Expressions;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;

/**
 * Where a case's {@code validate:} queries are planned: as when the case runs, each table of the case is a view of
 * rows with the table's physical columns (all nullable), not the Kafka table itself, so the queries are checked
 * against exactly what they will read.
 */
final class ValidationViews {
    private ValidationViews() {
    }

    /** A table environment with a view per table of {@code ddl} that has the same name and physical columns. */
    static TableEnvironment of(TableEnvironment ddl, List<String> tables) {
        Configuration conf = new Configuration();
        conf.setString("table.local-time-zone", "UTC");
        TableEnvironment views = TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode()
                .withConfiguration(conf).build());
        for (String table : tables) {
            DataType row = ddl.from(table).getResolvedSchema().toPhysicalRowDataType();
            DataType nullable = DataTypes.ROW(DataType.getFieldNames(row).stream()
                    .map(f -> DataTypes.FIELD(f, DataType.getFieldDataTypes(row)
                            .get(DataType.getFieldNames(row).indexOf(f)).nullable()))
                    .toArray(DataTypes.Field[]::new));
            // VALUES needs a row: one of nulls, filtered out
            views.createTemporaryView(table, views.fromValues(nullable, List.of(Row.of(new Object[
                    DataType.getFieldNames(row).size()]))).where(Expressions.lit(false)));
        }
        return views;
    }
}
