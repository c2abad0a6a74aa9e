package io.flinkharness.cases.internal;

import io.flinkharness.internal.Suggestions;
import io.flinkharness.cases.internal.CaseDocument.ExpectDocument;
import io.flinkharness.data.internal.Literals;
import io.flinkharness.results.Tolerance;
import io.flinkharness.rows.Row;
import io.flinkharness.run.Expectation;
import io.flinkharness.run.OutputMode;
import io.flinkharness.run.RowMatch;
import io.flinkharness.run.TableCheck;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code expect} section of a case file: per output topic the rows, how the records make rows
 * ({@code mode}), and optionally the columns compared and per-column tolerances. Not part of the public API.
 */
final class Expectations {
    private static final List<String> MODES = List.of("append", "upsert", "retract", "changelog");
    private static final String TOLERANCE_FIX = "write a number (0.01) for a FLOAT, DOUBLE or DECIMAL column, a"
            + " duration (250ms, 1s) for a TIMESTAMP, TIMESTAMP_LTZ or TIME column";

    private final Problems problems;
    private final TableChecks checks;

    /** @param generatedTopics the case's topics with generated input, which checks may compare with */
    Expectations(Problems problems, Set<String> generatedTopics) {
        this.problems = problems;
        this.checks = new TableChecks(problems, generatedTopics);
    }

    Expectation read(String path, ExpectDocument doc, String topic) {
        OutputMode mode = mode(FieldPath.field(path, "mode"), doc.mode());
        List<String> columns = columns(FieldPath.field(path, "columns"), doc.columns());
        List<TableCheck> tableChecks = checks.read(path, doc);
        boolean rowsGiven = doc.rows() != null || tableChecks.isEmpty();
        List<Row> rows = rowsGiven ? rows(FieldPath.field(path, "rows"), doc.rows(), columns) : List.of();
        Expectation expectation = new Expectation(topic, mode, rows, columns, Map.of(), rowsGiven, tableChecks,
                match(FieldPath.field(path, "match"), doc.match(), rowsGiven));
        if (doc.tolerance() != null) {
            for (Map.Entry<String, Object> t : doc.tolerance().entrySet()) {
                String at = FieldPath.field(FieldPath.field(path, "tolerance"), t.getKey());
                if (!columns.isEmpty() && !columns.contains(t.getKey())) {
                    throw problems.atKey(at, "column '" + t.getKey() + "' is not among columns " + columns,
                            "compare on it too, or give no tolerance for it", null);
                }
                expectation = expectation.withTolerance(t.getKey(), tolerance(at, t.getValue()));
            }
        }
        return expectation;
    }

    private OutputMode mode(String path, String mode) {
        if (mode == null) {
            return OutputMode.APPEND;
        }
        String m = mode.toLowerCase(Locale.ROOT);
        if (!MODES.contains(m)) {
            throw problems.atValue(path, "unknown mode '" + mode + "'", Suggestions.didYouMean(mode, MODES, "modes")
                    + "; append: every record is a row, upsert: the last value per key is the row, retract: the"
                    + " changes of a changelog format applied, changelog: every change is a row with its op");
        }
        return OutputMode.valueOf(m.toUpperCase(Locale.ROOT));
    }

    private static final List<String> MATCHES = List.of("exactly", "in-order", "contains");

    private RowMatch match(String path, String match, boolean rowsGiven) {
        if (match == null) {
            return RowMatch.EXACTLY;
        }
        String m = match.toLowerCase(Locale.ROOT);
        if (!MATCHES.contains(m)) {
            throw problems.atValue(path, "unknown match '" + match + "'", Suggestions.didYouMean(match, MATCHES,
                    "matches") + "; exactly: these rows in any order, in-order: these rows in this order,"
                    + " contains: at least these rows");
        }
        if (!rowsGiven) {
            throw problems.atValue(path, "a match without rows", "give the rows to match, or leave match out");
        }
        return RowMatch.valueOf(m.replace('-', '_').toUpperCase(Locale.ROOT));
    }

    private List<String> columns(String path, List<String> columns) {
        if (columns == null) {
            return List.of();
        }
        if (columns.isEmpty()) {
            throw problems.atValue(path, "is empty", "list the columns to compare on, or leave columns out to"
                    + " compare every column");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (column == null || column.isBlank()) {
                throw problems.atValue(FieldPath.index(path, i), "is empty", "write a column name");
            }
            if (!seen.add(column)) {
                throw problems.atValue(FieldPath.index(path, i), "column '" + column + "' is listed twice",
                        "list each column once");
            }
        }
        return List.copyOf(columns);
    }

    private List<Row> rows(String path, List<Map<String, Object>> rows, List<String> columns) {
        if (rows == null) {
            throw problems.atValue(path, "missing", "list the expected rows; write rows: [] to expect none (or check"
                    + " the table with windows:, unique: or dedup: alone)");
        }
        List<Row> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String at = FieldPath.index(path, i);
            if (rows.get(i) == null) {
                throw problems.atValue(at, "empty row", "write { column: value, ... }");
            }
            if (!columns.isEmpty()) {
                checkColumns(at, rows.get(i).keySet(), columns);
            }
            result.add(Row.of(rows.get(i)));
        }
        return result;
    }

    private void checkColumns(String path, Set<String> given, List<String> columns) {
        for (String column : given) {
            if (!columns.contains(column)) {
                throw problems.atKey(FieldPath.field(path, column), "column '" + column + "' is not among columns "
                        + columns, "compare on it too, or leave it out of the row", null);
            }
        }
        for (String column : columns) {
            if (!given.contains(column)) {
                throw problems.atValue(path, "no value for column '" + column + "' of columns " + columns,
                        "give every compared column", null);
            }
        }
    }

    private Tolerance tolerance(String path, Object value) {
        if (value instanceof Number n) {
            BigDecimal amount = new BigDecimal(n.toString());
            if (amount.signum() < 0) {
                throw problems.atValue(path, "must not be negative, got " + amount.toPlainString(), TOLERANCE_FIX);
            }
            return Tolerance.of(amount);
        }
        if (value instanceof String text) {
            try {
                return Tolerance.of(Literals.duration(text));
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException notADuration) {
                throw problems.atValue(path, "'" + text + "' is neither a number nor a duration", TOLERANCE_FIX);
            }
        }
        throw problems.atValue(path, "expected a number or a duration, got " + (value == null ? "nothing"
                : value instanceof List ? "a list" : value instanceof Map ? "a mapping" : value), TOLERANCE_FIX);
    }
}
