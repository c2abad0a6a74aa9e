package io.flinkharness.oracle.internal;

import java.util.Objects;

/**
 * One aggregate of a window oracle as the user gave it: function, field (none for COUNT(*)) and the name of its
 * output column. Not part of the public API.
 */
public record AggregateSpec(AggregateKind kind, String field, String alias) {
    public AggregateSpec {
        Objects.requireNonNull(kind, "kind cannot be null");
        Objects.requireNonNull(alias, "alias cannot be null");
    }

    /** The call as the user wrote it: {@code sum("amount", "total")}. */
    public String call() {
        return kind == AggregateKind.COUNT_STAR ? kind.method() + "(\"" + alias + "\")"
                : kind.method() + "(\"" + field + "\", \"" + alias + "\")";
    }

    /** {@code SUM(amount) AS total}. */
    @Override
    public String toString() {
        return kind.sql(field) + " AS " + alias;
    }
}
