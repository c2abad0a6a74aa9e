package io.flinkharness.cli.init;

import java.math.BigDecimal;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * A first generator rule for a field, from its type, as case-file YAML: a few distinct strings, small numbers,
 * one day of dates and timestamps. Types without a sensible guess (bytes, arrays, maps, rows) get random values
 * ({@code {}}). Meant to be edited: the values only have the right type.
 */
final class FieldRules {
    static final int DISTINCT_STRINGS = 10;

    private FieldRules() {
    }

    static String rule(LogicalType type) {
        return switch (type.getTypeRoot()) {
            case CHAR, VARCHAR -> "{ distinct: " + DISTINCT_STRINGS + " }";
            case BOOLEAN -> "{ oneOf: [true, false] }";
            case TINYINT, SMALLINT, INTEGER, BIGINT -> "{ range: [1, 100] }";
            case FLOAT, DOUBLE -> "{ range: [0.0, 100.0] }";
            case DECIMAL -> decimal((DecimalType) type);
            case DATE -> "{ range: [\"2026-01-01\", \"2026-12-31\"] }";
            case TIME_WITHOUT_TIME_ZONE -> "{ range: [\"00:00:00\", \"23:59:59\"] }";
            case TIMESTAMP_WITHOUT_TIME_ZONE, TIMESTAMP_WITH_LOCAL_TIME_ZONE ->
                    "{ range: [\"2026-01-01 00:00:00\", \"2026-01-01 23:59:59\"] }";
            default -> "{}";
        };
    }

    /** From 1 (or 0 without integer digits) to the largest value below 100 the type holds. */
    private static String decimal(DecimalType type) {
        int integerDigits = type.getPrecision() - type.getScale();
        BigDecimal max = BigDecimal.TEN.pow(Math.min(integerDigits, 2)).subtract(BigDecimal.ONE.movePointLeft(
                type.getScale()));
        BigDecimal min = integerDigits > 0 ? BigDecimal.ONE : BigDecimal.ZERO;
        return "{ range: [" + min.setScale(type.getScale()).toPlainString() + ", "
                + max.setScale(type.getScale()).toPlainString() + "] }";
    }
}
