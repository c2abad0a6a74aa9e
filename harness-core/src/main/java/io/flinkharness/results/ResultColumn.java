package io.flinkharness.results;

import java.util.Objects;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.UnresolvedUserDefinedType;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;

/**
 * One column of a {@link ResultTable}: its name and SQL type, as the sink table declares them.
 *
 * <pre>{@code
 * ResultColumn clicks = ResultColumn.of("clicks", "BIGINT");
 * String type = clicks.typeName();   // "BIGINT"
 * }</pre>
 */
public record ResultColumn(String name, LogicalType type) {
    public ResultColumn {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(type, "type cannot be null");
    }

    /**
     * A column of a type written in SQL ({@code "STRING"}, {@code "TIMESTAMP(3)"}, {@code "DECIMAL(10, 2)"},
     * {@code "ROW<city STRING, zip INT>"}).
     *
     * @throws IllegalArgumentException if Flink cannot parse the type, with its message
     */
    public static ResultColumn of(String name, String sqlType) {
        Objects.requireNonNull(sqlType, "sqlType cannot be null");
        LogicalType type;
        try {
            type = LogicalTypeParser.parse(sqlType, ResultColumn.class.getClassLoader());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("column '" + name + "': cannot read the SQL type '" + sqlType + "': "
                    + e.getMessage(), e);
        }
        if (type instanceof UnresolvedUserDefinedType) {
            throw new IllegalArgumentException("column '" + name + "': '" + sqlType + "' is not a SQL type — write one"
                    + " as CREATE TABLE does, e.g. BIGINT, DECIMAL(10, 2), TIMESTAMP(3), ROW<a INT>");
        }
        return new ResultColumn(name, type);
    }

    /** The type as SQL writes it, e.g. {@code STRING} or {@code TIMESTAMP(3)}. */
    public String typeName() {
        return type.asSummaryString();
    }

    @Override
    public String toString() {
        return name + " " + typeName();
    }
}
