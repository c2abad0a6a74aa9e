package io.flinkharness.results.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How far apart two keys of a column may be and still match: a numeric amount for FLOAT, DOUBLE and DECIMAL
 * columns, a duration for TIME, TIMESTAMP and TIMESTAMP_LTZ columns. Not part of the public API.
 */
public sealed interface CellTolerance {
    boolean within(Object expectedKey, Object actualKey);

    /** For messages: {@code 0.01}, {@code 1s}. */
    String describe();

    record Numeric(BigDecimal amount) implements CellTolerance {
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
    }

    record Time(Duration amount) implements CellTolerance {
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
    }
}
