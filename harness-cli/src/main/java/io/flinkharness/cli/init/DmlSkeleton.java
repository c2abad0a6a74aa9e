package io.flinkharness.cli.init;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeCasts;

/**
 * A first DML for a scaffolded case: {@code INSERT INTO sink SELECT ... FROM source}, taking each sink column
 * from the source column of the same name when Flink can insert its type. A sink column without one gets a
 * stand-in of its type, so the case validates and runs as it is: {@code CAST(NULL AS type)}, or for a NOT NULL
 * column a CAST of a plain value ({@code 0}, {@code ''}, {@code '2026-01-01 00:00:00'}). Only a NOT NULL column of
 * a composite type (ARRAY, MAP, ROW ...) has no stand-in: it becomes {@code `TODO_column`}, an unknown column that
 * {@code validate} reports with its line and column until the query is written. Each stand-in is marked TODO.
 */
final class DmlSkeleton {
    private DmlSkeleton() {
    }

    static String insert(DdlTable sink, DdlTable source) {
        List<RowType.RowField> sourceFields = source.schema().rowType().getFields();
        List<String> columns = new ArrayList<>();
        for (RowType.RowField column : sink.schema().rowType().getFields()) {
            columns.add(column(column, sourceFields, source.name()));
        }
        return "-- TODO: the query under test. This skeleton copies the columns that " + source.name() + " and "
                + sink.name() + " share.\n"
                + "INSERT INTO " + quoted(sink.name()) + "\n"
                + "SELECT\n" + joined(columns) + "\n"
                + "FROM " + quoted(source.name());
    }

    private static String column(RowType.RowField column, List<RowType.RowField> sourceFields, String source) {
        String name = column.getName();
        LogicalType type = column.getType();
        Optional<RowType.RowField> match = sourceFields.stream()
                .filter(f -> f.getName().equalsIgnoreCase(name))
                .filter(f -> LogicalTypeCasts.supportsImplicitCast(f.getType().copy(true), type.copy(true)))
                .findFirst();
        if (match.isPresent()) {
            String from = match.get().getName();
            return from.equals(name) ? quoted(name) : quoted(from) + " AS " + quoted(name);
        }
        String todo = "-- TODO: no column " + name + " of type " + type.copy(true).asSummaryString() + " in "
                + source;
        Optional<String> value = type.isNullable() ? Optional.of("NULL") : placeholderValue(type);
        return value.map(v -> "CAST(" + v + " AS " + sqlType(type) + ") AS " + quoted(name))
                .orElse(quoted("TODO_" + name)) + "  " + todo;
    }

    /** The type as SQL: its short form ({@code STRING}, {@code TIMESTAMP_LTZ(3)}) where that is valid SQL. */
    private static String sqlType(LogicalType type) {
        String summary = type.copy(true).asSummaryString();
        return summary.contains("*") ? type.copy(true).asSerializableString() : summary;
    }

    /** A literal that CAST turns into a value of the type, for NOT NULL columns; none for composite types. */
    private static Optional<String> placeholderValue(LogicalType type) {
        return Optional.ofNullable(switch (type.getTypeRoot()) {
            case CHAR, VARCHAR, BINARY, VARBINARY -> "''";
            case BOOLEAN -> "FALSE";
            case TINYINT, SMALLINT, INTEGER, BIGINT, FLOAT, DOUBLE, DECIMAL -> "0";
            case DATE -> "'2026-01-01'";
            case TIME_WITHOUT_TIME_ZONE -> "'00:00:00'";
            case TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> "'2026-01-01 00:00:00'";
            default -> null;
        });
    }

    /** One column a line, commas before a line's trailing comment. */
    private static String joined(List<String> columns) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String comma = i < columns.size() - 1 ? "," : "";
            int comment = column.indexOf("  -- ");
            lines.add("  " + (comment < 0 ? column + comma
                    : column.substring(0, comment) + comma + column.substring(comment)));
        }
        return String.join("\n", lines);
    }

    static String quoted(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
