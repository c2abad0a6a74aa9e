package io.flinkharness.results.internal;

import io.flinkharness.internal.Durations;
import io.flinkharness.results.ResultColumn;
import io.flinkharness.results.ResultRow;
import io.flinkharness.results.ResultTable;
import io.flinkharness.rows.Row;
import io.flinkharness.results.Tolerance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * A table's rows and expected rows prepared for comparison under {@link Settings}: the compared columns (checked
 * against the table), each column's tolerance, the actual rows' keys and cells, and expected rows read as the
 * columns' types. Not part of the public API.
 */
public final class TableComparer {
    private static final String DEFAULT_WINDOW_START = "window_start";

    private final ResultTable table;
    private final Settings settings;
    private final List<ResultColumn> compared = new ArrayList<>();
    private final Comparison comparison;
    private final int sortColumn;

    /** @throws IllegalArgumentException for a setting that does not fit the table (message names the fix) */
    public TableComparer(ResultTable table, Settings settings) {
        this.table = table;
        this.settings = settings;
        List<String> names = settings.columns().isEmpty() ? table.columnNames() : settings.columns();
        for (String name : names) {
            compared.add(column(name));
        }
        checkTolerances();
        List<Tolerance> tolerances = new ArrayList<>();
        compared.forEach(c -> tolerances.add(tolerance(c)));
        this.comparison = new Comparison(names, tolerances);
        this.sortColumn = names.indexOf(settings.windowStart().orElse(DEFAULT_WINDOW_START));
    }

    private ResultColumn column(String name) {
        return table.column(name).orElseThrow(() -> new IllegalArgumentException(table.describe() + " has no column '"
                + name + "'; its columns: " + table.columnNames()));
    }

    private void checkTolerances() {
        settings.columnTolerances().forEach((name, tolerance) -> {
            ResultColumn column = column(name);
            boolean fits = tolerance.numeric() ? Settings.TOLERANT_TYPES.contains(column.type().getTypeRoot())
                    : temporal(column.type().getTypeRoot());
            if (!fits) {
                throw new IllegalArgumentException("tolerance for column '" + name + "': " + table.describe()
                        + " has it as " + column.typeName() + "; " + (tolerance.numeric()
                        ? "a numeric tolerance applies to FLOAT, DOUBLE and DECIMAL columns"
                        : "a duration applies to TIMESTAMP, TIMESTAMP_LTZ and TIME columns"));
            }
        });
    }

    private Tolerance tolerance(ResultColumn column) {
        LogicalTypeRoot root = column.type().getTypeRoot();
        Tolerance given = settings.columnTolerances().get(column.name());
        if (given != null) {
            return given;
        }
        BigDecimal amount = settings.typeTolerances().get(root);
        if (amount != null) {
            return new Tolerance.Amount(amount);
        }
        return temporal(root) ? settings.timestampTolerance().map(Tolerance.Within::new).orElse(null) : null;
    }

    private static boolean temporal(LogicalTypeRoot root) {
        return root == LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE
                || root == LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE || root == LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE;
    }

    public Comparison comparison() {
        return comparison;
    }

    public List<String> columns() {
        return comparison.columns();
    }

    public ResultTable table() {
        return table;
    }

    /** The table's rows, on the compared columns. */
    public List<Compared> actual() {
        List<Compared> rows = new ArrayList<>();
        for (ResultRow row : table.rows()) {
            Object[] values = new Object[compared.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = row.get(compared.get(c).name());
            }
            rows.add(prepare(values, rows.size()));
        }
        return rows;
    }

    /**
     * Expected rows read as the compared columns' types.
     *
     * @throws IllegalArgumentException for a row that lacks a compared column or has one that is not compared
     */
    public List<Compared> expected(List<Row> rows) {
        List<Compared> out = new ArrayList<>();
        for (Row row : rows) {
            checkColumns(row, out.size());
            Object[] values = new Object[compared.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = TypedValues.coerce(row.get(compared.get(c).name()), compared.get(c).type());
            }
            out.add(prepare(values, out.size()));
        }
        return out;
    }

    /** Values already typed (e.g. a generated record's fields), read leniently as the compared columns' types. */
    public Compared expectedValues(Map<String, Object> values, int position) {
        Object[] typed = new Object[compared.size()];
        for (int c = 0; c < typed.length; c++) {
            typed[c] = TypedValues.coerce(values.get(compared.get(c).name()), compared.get(c).type());
        }
        return prepare(typed, position);
    }

    private void checkColumns(Row row, int index) {
        Set<String> wanted = new LinkedHashSet<>(comparison.columns());
        for (String column : row.columns()) {
            if (!wanted.contains(column)) {
                throw new IllegalArgumentException("expected row " + (index + 1) + " " + row + " has column '" + column
                        + "', which " + (settings.columns().isEmpty() ? table.describe() + " does not have; its"
                        + " columns: " : "is not compared; compared columns: ") + comparison.columns());
            }
        }
        for (String column : wanted) {
            if (!row.values().containsKey(column)) {
                throw new IllegalArgumentException("expected row " + (index + 1) + " " + row + " has no value for"
                        + " column '" + column + "' — give every compared column " + comparison.columns()
                        + ", or compare on fewer with columns(...)");
            }
        }
    }

    private Compared prepare(Object[] values, int position) {
        Object[] keys = new Object[values.length];
        List<String> shown = new ArrayList<>(values.length);
        for (int c = 0; c < values.length; c++) {
            LogicalType type = compared.get(c).type();
            keys[c] = TypedValues.key(values[c], type);
            shown.add(values[c] instanceof TypedValues.Unreadable u ? u.toString() : TypedValues.show(values[c]));
        }
        return new Compared(keys, shown, sortColumn >= 0 ? keys[sortColumn] : null, position);
    }

    /**
     * What the comparison leaves out or allows, for the "to contain" line:
     * {@code " (on columns user, clicks; amount within 0.01; timestamps within 1s)"}, or empty.
     */
    public String settingsText() {
        List<String> parts = new ArrayList<>();
        if (!settings.columns().isEmpty()) {
            parts.add("on columns " + String.join(", ", settings.columns()));
        }
        settings.columnTolerances().forEach((column, tolerance) -> parts.add(column + " within " + tolerance.describe()));
        settings.typeTolerances().forEach((type, amount) -> parts.add(type + " values within " + amount.toPlainString()));
        settings.timestampTolerance().ifPresent(d -> parts.add("timestamps within " + Durations.show(d)));
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

}
