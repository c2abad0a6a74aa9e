package io.flinkharness.results;

import io.flinkharness.results.internal.Change;
import io.flinkharness.results.internal.TextTable;
import io.flinkharness.results.internal.TypedValues;
import io.flinkharness.rows.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.VarCharType;
import org.apache.flink.types.RowKind;

/**
 * The rows of an output topic, typed by the sink table's columns, and the changes they were made from.
 * Immutable. Made by an {@link OutputDecoder} from the records of a topic, or built in code
 * ({@link #builder(String)}); asserted on with {@link ResultAssertions#assertThat(ResultTable)}.
 *
 * <pre>{@code
 * ResultTable counts = OutputDecoder.forTable(RecordSchema.fromDdl(countsDdl)).decode(records);
 * assertThat(counts).containsExactlyRowsInAnyOrder(Row.of("user", "alice", "clicks", 2));
 * assertThat(counts.changelog()).hasRowCount(3);           // +I, -U, +U
 * }</pre>
 *
 * <p>Values have the Java type of their column's SQL type: CHAR/VARCHAR {@code String}, BOOLEAN {@code Boolean},
 * TINYINT {@code Byte}, SMALLINT {@code Short}, INT {@code Integer}, BIGINT {@code Long}, FLOAT {@code Float},
 * DOUBLE {@code Double}, DECIMAL {@code BigDecimal}, BINARY/VARBINARY {@code byte[]}, DATE {@code LocalDate}, TIME
 * {@code LocalTime}, TIMESTAMP {@code LocalDateTime}, TIMESTAMP_LTZ {@code Instant}, ARRAY {@code List}, MAP
 * {@code Map}, MULTISET {@code Map} of counts, ROW {@link io.flinkharness.data.Struct}, or null.
 */
public final class ResultTable {
    /** The name of the column that holds a change's kind ({@code +I}, {@code -U}, {@code +U}, {@code -D}). */
    public static final String OP_COLUMN = "op";

    /** How the changes of a topic make up the rows. */
    public enum Kind {
        /** Every inserted or updated row is a row (tombstones and retractions are skipped). */
        APPEND,
        /** The last value per key is the row; a tombstone ({@code -D}) deletes the key ({@code upsert-kafka}). */
        UPSERT,
        /** Changes applied: {@code +I}/{@code +U} add a row, {@code -U}/{@code -D} remove an equal one. */
        RETRACT,
        /** Every change is a row, its kind in the first column, {@value #OP_COLUMN}. */
        CHANGELOG
    }

    private final String name;
    private final Optional<String> origin;
    private final List<ResultColumn> physical;
    private final List<Change> changes;
    private final Kind kind;
    private final List<ResultColumn> columns;
    private final List<String> columnNames;
    private final List<ResultRow> rows;

    ResultTable(String name, Optional<String> origin, List<ResultColumn> physical, List<Change> changes, Kind kind) {
        this.name = Objects.requireNonNull(name, "name cannot be null");
        this.origin = Objects.requireNonNull(origin, "origin cannot be null");
        this.physical = List.copyOf(physical);
        this.changes = List.copyOf(changes);
        this.kind = Objects.requireNonNull(kind, "kind cannot be null");
        this.columns = kind == Kind.CHANGELOG ? withOp(this.physical) : this.physical;
        this.columnNames = columns.stream().map(ResultColumn::name).toList();
        List<ResultRow> materialized = new ArrayList<>();
        Materializer.rows(kind, this.physical, this.changes).forEach(v -> materialized.add(new ResultRow(columnNames, v)));
        this.rows = Collections.unmodifiableList(materialized);
    }

    private static List<ResultColumn> withOp(List<ResultColumn> physical) {
        List<ResultColumn> out = new ArrayList<>();
        out.add(new ResultColumn(opColumnName(physical), new VarCharType(false, 2)));
        out.addAll(physical);
        return List.copyOf(out);
    }

    /** {@value #OP_COLUMN}, or with underscores in front while a column of the table has that name. */
    private static String opColumnName(List<ResultColumn> physical) {
        Set<String> names = new LinkedHashSet<>();
        physical.forEach(c -> names.add(c.name()));
        String op = OP_COLUMN;
        while (names.contains(op)) {
            op = "_" + op;
        }
        return op;
    }

    /** A table built in code; see {@link Builder}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A table of {@code rows}, typed by {@code rowType}: each row's values are read as their column's type
     * (as {@link Builder#row} does).
     *
     * @throws IllegalArgumentException for a row with another set of columns or a value the column cannot hold
     */
    public static ResultTable fromRows(String name, RowType rowType, List<Row> rows) {
        Builder builder = builder(name);
        rowType.getFields().forEach(f -> builder.column(f.getName(), f.getType()));
        for (Row row : rows) {
            if (!new LinkedHashSet<>(row.columns()).equals(new LinkedHashSet<>(rowType.getFieldNames()))) {
                throw new IllegalArgumentException("table " + name + ": row " + row + " has columns " + row.columns()
                        + ", the table " + rowType.getFieldNames());
            }
            builder.row(rowType.getFieldNames().stream().map(row::get).toArray());
        }
        return builder.build();
    }

    /** The sink table's name, e.g. {@code order_counts}. */
    public String name() {
        return name;
    }

    /** Where the rows came from, e.g. {@code topic order_counts-3f2a9c read_committed}. */
    public Optional<String> origin() {
        return origin;
    }

    public Kind kind() {
        return kind;
    }

    /** The columns in order; a {@link Kind#CHANGELOG} table starts with {@value #OP_COLUMN}. */
    public List<ResultColumn> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columnNames;
    }

    public Optional<ResultColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** The rows: for append tables in the order of the records (partition, then offset). */
    public List<ResultRow> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The changes themselves, one row each, with the kind in the first column ({@value #OP_COLUMN}: {@code +I},
     * {@code -U}, {@code +U}, {@code -D}). For {@code upsert-kafka} a record is {@code +I} for a key not seen
     * (or deleted) before, {@code +U} after that, and a tombstone {@code -D} with the key's last row.
     */
    public ResultTable changelog() {
        return as(Kind.CHANGELOG);
    }

    /** The same table with another description of where its rows came from. */
    public ResultTable withOrigin(String description) {
        return new ResultTable(name, Optional.of(Objects.requireNonNull(description, "description cannot be null")),
                physical, changes, kind);
    }

    /** The same changes made into rows another way. */
    public ResultTable as(Kind other) {
        return other == kind ? this : new ResultTable(name, origin, physical, changes, other);
    }

    /** The rows as untyped {@link Row}s, valued as Flink's json format writes them (see {@link ResultRow#toRow}). */
    public List<Row> toRows() {
        return rows.stream().map(ResultRow::toRow).toList();
    }

    /** {@code table order_counts (topic order_counts-3f2a read_committed, upsert, 3 rows)} */
    public String describe() {
        return "table " + name + " (" + origin.map(o -> o + ", ").orElse("") + kind.name().toLowerCase(Locale.ROOT)
                + ", " + io.flinkharness.results.internal.Plural.rows(rows.size()) + ")";
    }

    /** The description and the first 20 rows as a text table. */
    @Override
    public String toString() {
        TextTable table = new TextTable(columnNames);
        rows.stream().limit(20).forEach(r -> table.line(' ', r.values().stream().map(TypedValues::show).toList()));
        if (rows.size() > 20) {
            table.note("… and " + (rows.size() - 20) + " more");
        }
        return describe() + "\n" + table.render();
    }

    /**
     * Builds a {@link ResultTable} in code, e.g. for the expected side of a comparison or to test assertions:
     *
     * <pre>{@code
     * ResultTable counts = ResultTable.builder("counts")
     *         .column("user", "STRING").column("window_start", "TIMESTAMP(3)").column("clicks", "BIGINT")
     *         .row("alice", "2024-01-01 00:00:00", 2)
     *         .build();
     * }</pre>
     *
     * Values are read as their column's type: numbers or numeric text for numeric columns, text in ISO or SQL
     * form for temporal columns, base64 text for bytes, lists, maps and structs or maps for nested types.
     */
    public static final class Builder {
        private final String name;
        private final List<ResultColumn> columns = new ArrayList<>();
        private final List<Object[]> pending = new ArrayList<>();
        private final List<RowKind> kinds = new ArrayList<>();
        private List<String> primaryKey = List.of();
        private Kind kind;
        private String origin;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name cannot be null");
        }

        public Builder column(String columnName, String sqlType) {
            return column(ResultColumn.of(columnName, sqlType));
        }

        public Builder column(String columnName, LogicalType type) {
            return column(new ResultColumn(columnName, type));
        }

        public Builder column(ResultColumn column) {
            if (columns.stream().anyMatch(c -> c.name().equals(column.name()))) {
                throw new IllegalArgumentException("table " + name + ": column '" + column.name() + "' given twice");
            }
            columns.add(column);
            return this;
        }

        /** The columns whose values identify a row for {@link Kind#UPSERT}. */
        public Builder primaryKey(String... keyColumns) {
            this.primaryKey = List.of(keyColumns);
            return this;
        }

        /** How the rows and changes make up the table: {@link Kind#APPEND} unless set. */
        public Builder kind(Kind tableKind) {
            this.kind = Objects.requireNonNull(tableKind, "kind cannot be null");
            return this;
        }

        /** Where the rows came from, for messages. */
        public Builder origin(String description) {
            this.origin = description;
            return this;
        }

        /** An inserted row ({@code +I}), one value per column in column order. */
        public Builder row(Object... values) {
            return change(RowKind.INSERT, values);
        }

        /** A change of any kind, one value per column in column order. */
        public Builder change(RowKind changeKind, Object... values) {
            Objects.requireNonNull(changeKind, "changeKind cannot be null");
            kinds.add(changeKind);
            pending.add(values.clone());
            return this;
        }

        /**
         * @throws IllegalArgumentException for a row with the wrong number of values, a value its column cannot
         *     hold, or an upsert table without a primary key
         */
        public ResultTable build() {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("table " + name + ": no columns — add them with column(name, type)");
            }
            List<String> names = columns.stream().map(ResultColumn::name).toList();
            for (String key : primaryKey) {
                if (!names.contains(key)) {
                    throw new IllegalArgumentException("table " + name + ": primary key column '" + key
                            + "' is not one of " + names);
                }
            }
            Kind tableKind = kind == null ? Kind.APPEND : kind;
            if (tableKind == Kind.UPSERT && primaryKey.isEmpty()) {
                throw new IllegalArgumentException("table " + name + ": an upsert table needs the columns that"
                        + " identify a row — give primaryKey(...)");
            }
            List<Change> changes = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                Object[] values = typed(i, pending.get(i));
                changes.add(new Change(kinds.get(i), values, upsertKey(names, values)));
            }
            return new ResultTable(name, Optional.ofNullable(origin), columns, changes, tableKind);
        }

        private Object[] typed(int index, Object[] values) {
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": row " + index + " has " + values.length
                        + " values for " + columns.size() + " columns " + columns);
            }
            Object[] typed = new Object[values.length];
            for (int c = 0; c < values.length; c++) {
                typed[c] = TypedValues.coerce(values[c], columns.get(c).type());
                if (typed[c] instanceof TypedValues.Unreadable unreadable) {
                    throw new IllegalArgumentException("table " + name + ": row " + index + ", column '"
                            + columns.get(c).name() + "': " + unreadable);
                }
            }
            return typed;
        }

        private Object upsertKey(List<String> names, Object[] values) {
            if (primaryKey.isEmpty()) {
                return null;
            }
            List<Object> key = new ArrayList<>();
            for (String column : primaryKey) {
                int i = names.indexOf(column);
                key.add(TypedValues.key(values[i], columns.get(i).type()));
            }
            return key;
        }
    }
}
