package io.flinkharness.oracle.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.table.types.logical.BigIntType;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.utils.LogicalTypeMerging;

/**
 * Result types and accumulators of the aggregate functions, as Flink's planner picks them
 * ({@code AggFunctionFactory}, {@code SumAggFunction}, {@code AvgAggFunction}, {@code MinAggFunction},
 * {@code MaxAggFunction}, {@code CountAggFunction}, with {@code LogicalTypeMerging} for DECIMAL):
 * <ul>
 *   <li>COUNT(*), COUNT(x), COUNT(DISTINCT x): BIGINT; nulls are not counted.</li>
 *   <li>SUM(x): the type of x for TINYINT, SMALLINT, INT and BIGINT (wrapping on overflow, as Java arithmetic does),
 *       DECIMAL(38, s) for DECIMAL(p, s); null when every value is null.</li>
 *   <li>AVG(x): the type of x for TINYINT, SMALLINT, INT and BIGINT: a BIGINT sum divided by the count, truncated
 *       toward zero; DECIMAL(38, max(6, s)) for DECIMAL(p, s), the DECIMAL(38, s) sum divided with 38 digits and
 *       rounded half up.</li>
 *   <li>MIN(x), MAX(x): the type of x; strings by code point, as Flink compares their UTF-8 bytes.</li>
 * </ul>
 * SUM and AVG of FLOAT and DOUBLE are refused: Flink adds partial sums per slice and per local pre-aggregation, so
 * the last digits depend on an order the oracle does not know. Not part of the public API.
 */
public final class Aggregates {
    private static final MathContext DIVIDE = new MathContext(38, RoundingMode.HALF_UP);

    private Aggregates() {
    }

    /** The result type, or a problem naming the call, the field's type and what would work. */
    public static Optional<LogicalType> resultType(AggregateSpec spec, LogicalType argument, String fieldType,
            Problems problems) {
        LogicalTypeRoot root = argument == null ? null : argument.getTypeRoot();
        switch (spec.kind()) {
            case COUNT_STAR, COUNT, COUNT_DISTINCT -> {
                return Optional.of(new BigIntType());
            }
            case SUM, AVG -> {
                if (isExactNumber(root)) {
                    return Optional.of((spec.kind() == AggregateKind.SUM ? LogicalTypeMerging.findSumAggType(argument)
                            : LogicalTypeMerging.findAvgAggType(argument)).copy(true));
                }
                String name = spec.kind().name();
                if (root == LogicalTypeRoot.FLOAT || root == LogicalTypeRoot.DOUBLE) {
                    problems.add(spec.call() + ": field '" + spec.field() + "' is " + fieldType + "; the oracle"
                            + " predicts SUM and AVG of exact numbers only (TINYINT, SMALLINT, INT, BIGINT, DECIMAL):"
                            + " Flink adds FLOAT and DOUBLE partial sums per slice and per local pre-aggregation, in"
                            + " an order that changes the last digits — declare the field DECIMAL(p, s), or use"
                            + " min/max");
                } else {
                    problems.add(spec.call() + ": field '" + spec.field() + "' is " + fieldType + "; " + name
                            + " takes TINYINT, SMALLINT, INT, BIGINT or DECIMAL — aggregate a numeric field, or"
                            + " count the values of '" + spec.field() + "' with count or countDistinct");
                }
                return Optional.empty();
            }
            case MIN, MAX -> {
                if (Comparison.supports(root)) {
                    return Optional.of(argument.copy(true));
                }
                problems.add(spec.call() + ": field '" + spec.field() + "' is " + fieldType + "; "
                        + spec.kind().name() + " takes numbers, strings, booleans, dates, times and timestamps");
                return Optional.empty();
            }
            default -> throw new IllegalStateException(spec.kind().name());
        }
    }

    private static boolean isExactNumber(LogicalTypeRoot root) {
        return root == LogicalTypeRoot.TINYINT || root == LogicalTypeRoot.SMALLINT || root == LogicalTypeRoot.INTEGER
                || root == LogicalTypeRoot.BIGINT || root == LogicalTypeRoot.DECIMAL;
    }

    /** A fresh accumulator for one group. */
    public static Accumulator accumulator(AggregateKind kind, LogicalType argument, LogicalType result) {
        return switch (kind) {
            case COUNT_STAR -> new Count(true);
            case COUNT -> new Count(false);
            case COUNT_DISTINCT -> new CountDistinct();
            case SUM -> new Sum(argument.getTypeRoot(), result);
            case AVG -> new Avg(argument, result);
            case MIN -> new Extreme(argument.getTypeRoot(), true);
            case MAX -> new Extreme(argument.getTypeRoot(), false);
        };
    }

    /** Folds the values of one group, in arrival order. */
    public interface Accumulator {
        void add(Object value);

        /** The result as the Java type of the result column, or null. */
        Object result();
    }

    private static final class Count implements Accumulator {
        private final boolean star;
        private long count;

        Count(boolean star) {
            this.star = star;
        }

        @Override
        public void add(Object value) {
            if (star || value != null) {
                count++;
            }
        }

        @Override
        public Object result() {
            return count;
        }
    }

    private static final class CountDistinct implements Accumulator {
        private final Set<Object> seen = new HashSet<>();

        @Override
        public void add(Object value) {
            if (value != null) {
                seen.add(Values.groupingKey(value));
            }
        }

        @Override
        public Object result() {
            return (long) seen.size();
        }
    }

    private static final class Sum implements Accumulator {
        private final LogicalTypeRoot root;
        private final int scale;
        private long sum;
        private BigDecimal decimal;
        private boolean any;

        Sum(LogicalTypeRoot root, LogicalType result) {
            this.root = root;
            this.scale = result instanceof DecimalType d ? d.getScale() : 0;
        }

        @Override
        public void add(Object value) {
            if (value == null) {
                return;
            }
            any = true;
            if (root == LogicalTypeRoot.DECIMAL) {
                decimal = decimal == null ? (BigDecimal) value : decimal.add((BigDecimal) value);
            } else {
                sum = narrow(root, sum + ((Number) value).longValue());
            }
        }

        @Override
        public Object result() {
            if (!any) {
                return null;
            }
            return root == LogicalTypeRoot.DECIMAL ? decimal(decimal, scale) : box(root, sum);
        }
    }

    private static final class Avg implements Accumulator {
        private final LogicalTypeRoot root;
        private final int quotientScale;
        private final int resultScale;
        private long sum;
        private BigDecimal decimal = BigDecimal.ZERO;
        private long count;

        Avg(LogicalType argument, LogicalType result) {
            this.root = argument.getTypeRoot();
            if (argument instanceof DecimalType d) {
                // sum DECIMAL(38, s) / count BIGINT (taken as DECIMAL(19, 0)), then cast to the result type
                this.quotientScale = LogicalTypeMerging.findDivisionDecimalType(38, d.getScale(), 19, 0).getScale();
                this.resultScale = ((DecimalType) result).getScale();
            } else {
                this.quotientScale = 0;
                this.resultScale = 0;
            }
        }

        @Override
        public void add(Object value) {
            if (value == null) {
                return;
            }
            count++;
            if (root == LogicalTypeRoot.DECIMAL) {
                decimal = decimal.add((BigDecimal) value);
            } else {
                sum += ((Number) value).longValue();
            }
        }

        @Override
        public Object result() {
            if (count == 0) {
                return null;
            }
            if (root != LogicalTypeRoot.DECIMAL) {
                return box(root, sum / count);
            }
            BigDecimal quotient = decimal(decimal.divide(BigDecimal.valueOf(count), DIVIDE), quotientScale);
            return quotient == null ? null : decimal(quotient, resultScale);
        }
    }

    private static final class Extreme implements Accumulator {
        private final LogicalTypeRoot root;
        private final boolean min;
        private Object best;

        Extreme(LogicalTypeRoot root, boolean min) {
            this.root = root;
            this.min = min;
        }

        @Override
        public void add(Object value) {
            if (value == null) {
                return;
            }
            if (best == null) {
                best = value;
                return;
            }
            int c = Comparison.compare(root, value, best);
            if (min ? c < 0 : c > 0) {
                best = value;
            }
        }

        @Override
        public Object result() {
            return best;
        }
    }

    /** Wraps like the Java arithmetic of Flink's generated code for the type. */
    private static long narrow(LogicalTypeRoot root, long value) {
        return switch (root) {
            case TINYINT -> (byte) value;
            case SMALLINT -> (short) value;
            case INTEGER -> (int) value;
            default -> value;
        };
    }

    private static Object box(LogicalTypeRoot root, long value) {
        return switch (root) {
            case TINYINT -> (byte) value;
            case SMALLINT -> (short) value;
            case INTEGER -> (int) value;
            default -> value;
        };
    }

    /** Rounded half up to the scale, null if it no longer fits 38 digits (Flink's {@code DecimalData}). */
    private static BigDecimal decimal(BigDecimal value, int scale) {
        BigDecimal scaled = value.setScale(scale, RoundingMode.HALF_UP);
        return scaled.precision() > 38 ? null : scaled;
    }
}
