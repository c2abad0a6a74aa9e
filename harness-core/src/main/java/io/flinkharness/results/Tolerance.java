package io.flinkharness.results;

import io.flinkharness.internal.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How far apart an expected and an actual value of a column may be and still match: an amount for FLOAT, DOUBLE
 * and DECIMAL columns, a duration for TIMESTAMP, TIMESTAMP_LTZ and TIME columns.
 *
 * <pre>{@code
 * Expectation avg = Expectation.of("averages", rows).withTolerance("avg_amount", Tolerance.of(0.01));
 * }</pre>
 */
public sealed interface Tolerance {
    /** Numbers at most {@code amount} apart match. */
    static Tolerance of(double amount) {
        return of(BigDecimal.valueOf(amount));
    }

    /** Numbers at most {@code amount} apart match. */
    static Tolerance of(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount cannot be null");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a tolerance cannot be negative, got " + amount.toPlainString());
        }
        return new Amount(amount);
    }

    /** Temporal values at most {@code amount} apart match. */
    static Tolerance of(Duration amount) {
        Objects.requireNonNull(amount, "amount cannot be null");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a tolerance cannot be negative, got " + Durations.show(amount));
        }
        return new Within(amount);
    }

    /** Whether two keys of compared values match under this tolerance. */
    boolean within(Object expectedKey, Object actualKey);

    /** For messages: {@code 0.01}, {@code 1s}. */
    String describe();

    /** Whether it applies to numbers (else to temporal values). */
    boolean numeric();

    /** A numeric tolerance. */
    record Amount(BigDecimal amount) implements Tolerance {
        @Override
        public boolean within(Object expected, Object actual) {
            if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
                return e.subtract(a).abs().compareTo(amount) <= 0;
            }
            return Objects.equals(expected, actual);
        }

        @Override
        public String describe() {
            return amount.toPlainString();
        }

        @Override
        public boolean numeric() {
            return true;
        }
    }

    /** A tolerance for TIMESTAMP, TIMESTAMP_LTZ and TIME values. */
    record Within(Duration amount) implements Tolerance {
        @Override
        public boolean within(Object expected, Object actual) {
            if (expected instanceof java.time.temporal.Temporal e && actual instanceof java.time.temporal.Temporal a
                    && expected.getClass() == actual.getClass()) {
                return Duration.between(e, a).abs().compareTo(amount) <= 0;
            }
            return Objects.equals(expected, actual);
        }

        @Override
        public String describe() {
            return Durations.show(amount);
        }

        @Override
        public boolean numeric() {
            return false;
        }
    }
}
