package io.flinkharness.data.internal;

import com.github.curiousoddman.rgxgen.RgxGen;
import io.flinkharness.data.FieldRule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.LogicalTypeRoot;

/**
 * Value sources for the explicit rules (constant, sequence, range, oneOf, pattern), each checked against the field
 * type when it is built. A problem is a {@link Literals.LiteralException} whose message completes "field 'x' rule
 * y: ...". {@link #capacity} tells how many distinct values a rule can give, for distinct-count checks.
 */
final class RuleSources {
    private RuleSources() {
    }

    static ValueSource constant(LogicalType type, FieldRule.Constant rule) {
        Object value = Literals.coerce(type, rule.value());
        return (i, t) -> value;
    }

    static ValueSource oneOf(LogicalType type, FieldRule.OneOf rule, FieldRule.Skew skew, SplitMix rng) {
        if (rule.values().isEmpty()) {
            throw new Literals.LiteralException("oneOf needs at least one value");
        }
        List<Object> values = new ArrayList<>();
        for (Object v : rule.values()) {
            values.add(Literals.coerce(type, v));
        }
        Sampler sampler;
        if (rule.weights().isEmpty()) {
            sampler = Sampler.of(skew, values.size());
        } else {
            if (rule.weights().size() != values.size()) {
                throw new Literals.LiteralException(values.size() + " values but " + rule.weights().size()
                        + " weights: give one weight per value");
            }
            if (rule.weights().stream().anyMatch(w -> !(w >= 0))
                    || rule.weights().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                throw new Literals.LiteralException("weights must be >= 0 with a positive sum, got "
                        + rule.weights());
            }
            sampler = Sampler.weighted(rule.weights());
        }
        return (i, t) -> values.get(sampler.next(rng));
    }

    static ValueSource pattern(LogicalType type, FieldRule.Pattern rule, SplitMix rng) {
        requireFamily(type, LogicalTypeFamily.CHARACTER_STRING, "pattern", "CHAR, VARCHAR or STRING");
        RgxGen gen;
        try {
            java.util.regex.Pattern.compile(rule.regex());
            gen = RgxGen.parse(rule.regex());
        } catch (RuntimeException e) {
            throw new Literals.LiteralException("invalid regular expression '" + rule.regex() + "': "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return (i, t) -> gen.generate(rng);
    }

    static ValueSource sequence(LogicalType type, FieldRule.Sequence rule, long count) {
        LogicalTypeRoot root = type.getTypeRoot();
        if (type.is(LogicalTypeFamily.CHARACTER_STRING)) {
            String prefix = String.valueOf(rule.start());
            long step = rule.step() == null ? 1 : (Long) Literals.coerce(nonNull(BIGINT), rule.step());
            return (i, t) -> prefix + (i * step);
        }
        if (type.is(LogicalTypeFamily.INTEGER_NUMERIC) || root == LogicalTypeRoot.DECIMAL
                || type.is(LogicalTypeFamily.APPROXIMATE_NUMERIC)) {
            BigDecimal start = decimal(rule.start());
            BigDecimal step = rule.step() == null ? BigDecimal.ONE : decimal(rule.step());
            Literals.coerce(type, start.add(step.multiply(BigDecimal.valueOf(Math.max(count - 1, 0)))));
            if (root == LogicalTypeRoot.BIGINT || root == LogicalTypeRoot.INTEGER) {
                long s = start.longValueExact();
                long d = step.longValueExact();
                boolean isInt = root == LogicalTypeRoot.INTEGER;
                return (i, t) -> isInt ? (Object) (int) (s + i * d) : (Object) (s + i * d);
            }
            Literals.coerce(type, start);
            return (i, t) -> Literals.coerce(type, start.add(step.multiply(BigDecimal.valueOf(i))));
        }
        if (type.is(LogicalTypeFamily.TIMESTAMP)) {
            long start = Literals.timestamp(rule.start()).toEpochMilli();
            long step = rule.step() == null ? 1000 : Literals.duration(rule.step()).toMillis();
            return (i, t) -> Times.fieldValue(type, start + i * step);
        }
        if (root == LogicalTypeRoot.DATE) {
            LocalDate start = (LocalDate) Literals.coerce(nonNull(type), rule.start());
            long days = rule.step() == null ? 1 : days(rule.step());
            return (i, t) -> start.plusDays(i * days);
        }
        if (root == LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE) {
            LocalTime start = (LocalTime) Literals.coerce(nonNull(type), rule.start());
            long nanos = rule.step() == null ? 1_000_000_000L : Literals.duration(rule.step()).toNanos();
            return (i, t) -> start.plusNanos(i * nanos);
        }
        throw new Literals.LiteralException("sequence applies to numbers, strings, dates, times and timestamps,"
                + " not " + type.asSummaryString());
    }

    static ValueSource range(LogicalType type, FieldRule.Range rule, SplitMix rng) {
        if (rule.min() == null || rule.max() == null) {
            throw new Literals.LiteralException("range needs both min and max");
        }
        Object min = Literals.coerce(nonNull(type), rule.min());
        Object max = Literals.coerce(nonNull(type), rule.max());
        if (compare(min, max) > 0) {
            throw new Literals.LiteralException("min " + Literals.quote(rule.min()) + " is greater than max "
                    + Literals.quote(rule.max()));
        }
        switch (type.getTypeRoot()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                long lo = ((Number) min).longValue();
                long hi = ((Number) max).longValue();
                return (i, t) -> narrow(type.getTypeRoot(), rng.between(lo, hi));
            case FLOAT:
            case DOUBLE:
                double dlo = ((Number) min).doubleValue();
                double dhi = ((Number) max).doubleValue();
                boolean isFloat = type.getTypeRoot() == LogicalTypeRoot.FLOAT;
                return (i, t) -> {
                    double d = dlo + rng.nextDouble() * (dhi - dlo);
                    return isFloat ? (Object) (float) d : (Object) d;
                };
            case DECIMAL:
                int scale = ((DecimalType) type).getScale();
                long ulo = ((BigDecimal) min).unscaledValue().longValueExact();
                long uhi = ((BigDecimal) max).unscaledValue().longValueExact();
                return (i, t) -> BigDecimal.valueOf(rng.between(ulo, uhi), scale);
            case DATE:
                long d0 = ((LocalDate) min).toEpochDay();
                long d1 = ((LocalDate) max).toEpochDay();
                return (i, t) -> LocalDate.ofEpochDay(rng.between(d0, d1));
            case TIME_WITHOUT_TIME_ZONE:
                long n0 = ((LocalTime) min).toNanoOfDay() / 1_000_000;
                long n1 = ((LocalTime) max).toNanoOfDay() / 1_000_000;
                return (i, t) -> LocalTime.ofNanoOfDay(rng.between(n0, n1) * 1_000_000);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                long t0 = Literals.timestamp(min).toEpochMilli();
                long t1 = Literals.timestamp(max).toEpochMilli();
                return (i, t) -> Times.fieldValue(type, rng.between(t0, t1));
            default:
                throw new Literals.LiteralException("range applies to numbers, decimals, dates, times and"
                        + " timestamps, not " + type.asSummaryString());
        }
    }

    /** How many distinct values the rule can give, if that is limited. */
    static OptionalLong capacity(LogicalType type, FieldRule.Source source) {
        if (source instanceof FieldRule.Constant) {
            return OptionalLong.of(1);
        }
        if (source instanceof FieldRule.OneOf oneOf) {
            return OptionalLong.of(oneOf.values().stream().distinct().count());
        }
        if (source instanceof FieldRule.Pattern p) {
            return RgxGen.parse(p.regex()).getUniqueEstimation()
                    .filter(b -> b.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) < 0)
                    .map(b -> OptionalLong.of(b.longValue())).orElse(OptionalLong.empty());
        }
        if (source instanceof FieldRule.Range r) {
            return rangeCapacity(type, r);
        }
        if (source instanceof FieldRule.RandomValues) {
            return randomCapacity(type);
        }
        return OptionalLong.empty();
    }

    private static OptionalLong rangeCapacity(LogicalType type, FieldRule.Range r) {
        Object min = Literals.coerce(nonNull(type), r.min());
        Object max = Literals.coerce(nonNull(type), r.max());
        switch (type.getTypeRoot()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return OptionalLong.of(((Number) max).longValue() - ((Number) min).longValue() + 1);
            case DECIMAL:
                return OptionalLong.of(((BigDecimal) max).unscaledValue()
                        .subtract(((BigDecimal) min).unscaledValue()).longValueExact() + 1);
            case DATE:
                return OptionalLong.of(((LocalDate) max).toEpochDay() - ((LocalDate) min).toEpochDay() + 1);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return OptionalLong.of(Literals.timestamp(max).toEpochMilli()
                        - Literals.timestamp(min).toEpochMilli() + 1);
            default:
                return OptionalLong.empty();
        }
    }

    private static OptionalLong randomCapacity(LogicalType type) {
        switch (type.getTypeRoot()) {
            case BOOLEAN:
                return OptionalLong.of(2);
            case TINYINT:
                return OptionalLong.of(Byte.MAX_VALUE);
            case SMALLINT:
                return OptionalLong.of(Short.MAX_VALUE);
            default:
                return OptionalLong.empty();
        }
    }

    static Object narrow(LogicalTypeRoot root, long v) {
        switch (root) {
            case TINYINT:
                return (byte) v;
            case SMALLINT:
                return (short) v;
            case INTEGER:
                return (int) v;
            default:
                return v;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Instant || a instanceof java.time.LocalDateTime) {
            return Literals.timestamp(a).compareTo(Literals.timestamp(b));
        }
        return ((Comparable) a).compareTo(b);
    }

    private static void requireFamily(LogicalType type, LogicalTypeFamily family, String rule, String allowed) {
        if (!type.is(family)) {
            throw new Literals.LiteralException(rule + " applies to " + allowed + " fields, not "
                    + type.asSummaryString());
        }
    }

    private static long days(Object step) {
        if (step instanceof Number n) {
            return n.longValue();
        }
        Duration d = Literals.duration(step);
        if (d.toHours() % 24 != 0 || d.isZero()) {
            throw new Literals.LiteralException("a date sequence steps by whole days, got " + step);
        }
        return d.toDays();
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(v).trim());
    }

    private static final LogicalType BIGINT = new org.apache.flink.table.types.logical.BigIntType(false);

    private static LogicalType nonNull(LogicalType type) {
        return type.copy(false);
    }
}
