package io.flinkharness.results.internal;

import io.flinkharness.internal.Durations;
import io.flinkharness.results.Tolerance;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * How rows are compared: on which columns (empty: all), with which tolerances (per column, per type, for
 * timestamps), and which columns hold window bounds. Immutable. Not part of the public API.
 */
public record Settings(List<String> columns, Map<String, Tolerance> columnTolerances,
                       Map<LogicalTypeRoot, BigDecimal> typeTolerances, Optional<Duration> timestampTolerance,
                       Optional<String> windowStart, Optional<String> windowEnd) {
    public static final Settings DEFAULT = new Settings(List.of(), Map.of(), Map.of(), Optional.empty(),
            Optional.empty(), Optional.empty());
    public static final List<LogicalTypeRoot> TOLERANT_TYPES =
            List.of(LogicalTypeRoot.FLOAT, LogicalTypeRoot.DOUBLE, LogicalTypeRoot.DECIMAL);

    public Settings {
        columns = List.copyOf(columns);
        columnTolerances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnTolerances));
        typeTolerances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(typeTolerances));
        Objects.requireNonNull(timestampTolerance, "timestampTolerance cannot be null");
    }

    public Settings withColumns(List<String> selected) {
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("columns: name at least one column to compare on");
        }
        if (selected.stream().distinct().count() != selected.size()) {
            throw new IllegalArgumentException("columns: a column is named twice in " + selected);
        }
        return new Settings(selected, columnTolerances, typeTolerances, timestampTolerance, windowStart, windowEnd);
    }

    public Settings withTolerance(String column, Tolerance tolerance) {
        Map<String, Tolerance> copy = new LinkedHashMap<>(columnTolerances);
        copy.put(Objects.requireNonNull(column, "column cannot be null"),
                Objects.requireNonNull(tolerance, "tolerance cannot be null"));
        return new Settings(columns, copy, typeTolerances, timestampTolerance, windowStart, windowEnd);
    }

    public Settings withTolerance(LogicalTypeRoot type, BigDecimal tolerance) {
        Objects.requireNonNull(type, "type cannot be null");
        if (!TOLERANT_TYPES.contains(type)) {
            throw new IllegalArgumentException("usingTolerance: a tolerance applies to FLOAT, DOUBLE and DECIMAL"
                    + " values, not " + type + " — for timestamps use usingTimestampTolerance(Duration)");
        }
        Map<LogicalTypeRoot, BigDecimal> copy = new LinkedHashMap<>(typeTolerances);
        copy.put(type, checked(tolerance));
        return new Settings(columns, columnTolerances, copy, timestampTolerance, windowStart, windowEnd);
    }

    public Settings withTimestampTolerance(Duration tolerance) {
        Objects.requireNonNull(tolerance, "tolerance cannot be null");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("usingTimestampTolerance: the tolerance cannot be negative, got "
                    + Durations.show(tolerance));
        }
        return new Settings(columns, columnTolerances, typeTolerances, Optional.of(tolerance), windowStart, windowEnd);
    }

    public Settings withWindows(String start, Optional<String> end) {
        return new Settings(columns, columnTolerances, typeTolerances, timestampTolerance,
                Optional.of(Objects.requireNonNull(start, "start column cannot be null")), end);
    }

    private static BigDecimal checked(BigDecimal tolerance) {
        Objects.requireNonNull(tolerance, "tolerance cannot be null");
        if (tolerance.signum() < 0) {
            throw new IllegalArgumentException("usingTolerance: the tolerance cannot be negative, got "
                    + tolerance.toPlainString());
        }
        return tolerance;
    }
}
