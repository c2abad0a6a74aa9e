package io.flinkharness.oracle.internal;

/** The aggregate functions the oracle predicts. Not part of the public API. */
public enum AggregateKind {
    COUNT_STAR("count", "COUNT(*)"),
    COUNT("count", "COUNT"),
    COUNT_DISTINCT("countDistinct", "COUNT(DISTINCT"),
    SUM("sum", "SUM"),
    MIN("min", "MIN"),
    MAX("max", "MAX"),
    AVG("avg", "AVG");

    private final String method;
    private final String sql;

    AggregateKind(String method, String sql) {
        this.method = method;
        this.sql = sql;
    }

    /** The oracle method that adds it: {@code sum}. */
    public String method() {
        return method;
    }

    /** {@code SUM(amount)}, {@code COUNT(*)}, {@code COUNT(DISTINCT page)}. */
    public String sql(String field) {
        return switch (this) {
            case COUNT_STAR -> sql;
            case COUNT_DISTINCT -> sql + " " + field + ")";
            default -> sql + "(" + field + ")";
        };
    }
}
