package io.flinkharness.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the generator fills one field. A rule has a source of values and optional modifiers: a null rate, a number of
 * distinct values and a skew between them. Literal values are checked against the field's type before anything
 * is generated.
 *
 * <pre>{@code
 * FieldRule.random().distinct(50).zipf(1.2)         // 50 distinct keys, a few of them hot
 * FieldRule.oneOf("NEW", "PAID", "SHIPPED").weights(6, 3, 1)
 * FieldRule.range(1, 500).nullRate(0.05)
 * FieldRule.pattern("[A-Z]{3}-[0-9]{4}")
 * FieldRule.sequence(1000, 1)
 * FieldRule.ref("user_id")                          // the same value as another field
 * }</pre>
 *
 * @param source where values come from
 * @param nullRate fraction of records in which the field is null, in [0, 1]
 * @param distinct if present, exactly this many distinct values appear (each at least once)
 * @param skew how records spread over the distinct values
 */
public record FieldRule(Source source, double nullRate, Optional<Integer> distinct, Skew skew) {

    public FieldRule {
        Objects.requireNonNull(source, "source cannot be null");
        Objects.requireNonNull(distinct, "distinct cannot be null");
        Objects.requireNonNull(skew, "skew cannot be null");
        if (!(nullRate >= 0 && nullRate <= 1)) {
            throw new IllegalArgumentException("nullRate must be in [0, 1], got " + nullRate);
        }
        distinct.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("distinct must be at least 1, got " + n);
            }
        });
    }

    /** Where a rule's values come from. */
    public sealed interface Source permits RandomValues, Constant, Sequence, Range, OneOf, Pattern, Ref {
        /** The rule's name in messages and in case files. */
        String name();
    }

    /** Sensible random values of the field's type. */
    public record RandomValues() implements Source {
        @Override
        public String name() {
            return "random";
        }
    }

    /** The same value in every record. */
    public record Constant(Object value) implements Source {
        @Override
        public String name() {
            return "constant";
        }
    }

    /**
     * start, start + step, start + 2 step, ...: numbers, or temporal values stepped by a {@code Duration} (or
     * days for dates), or strings made of a prefix and a counter ({@code start = "order-"}).
     */
    public record Sequence(Object start, Object step) implements Source {
        @Override
        public String name() {
            return "sequence";
        }
    }

    /** Uniform between min and max, both inclusive: numbers, decimals, dates, times and timestamps. */
    public record Range(Object min, Object max) implements Source {
        @Override
        public String name() {
            return "range";
        }
    }

    /** One of the values, with optional weights (same length; equal weights when empty). */
    public record OneOf(List<Object> values, List<Double> weights) implements Source {
        public OneOf {
            values = List.copyOf(values);
            weights = List.copyOf(weights);
        }

        @Override
        public String name() {
            return "oneOf";
        }
    }

    /** Strings matching a regular expression. */
    public record Pattern(String regex) implements Source {
        @Override
        public String name() {
            return "pattern";
        }
    }

    /** The value of another field of the same record (its final value, after its own rule). */
    public record Ref(String field) implements Source {
        @Override
        public String name() {
            return "ref";
        }
    }

    public static FieldRule random() {
        return of(new RandomValues());
    }

    public static FieldRule constant(Object value) {
        return of(new Constant(value));
    }

    public static FieldRule sequence(Object start, Object step) {
        return of(new Sequence(start, step));
    }

    public static FieldRule range(Object min, Object max) {
        return of(new Range(min, max));
    }

    public static FieldRule oneOf(Object... values) {
        return of(new OneOf(Arrays.asList(values), List.of()));
    }

    public static FieldRule oneOf(List<?> values) {
        return of(new OneOf(List.copyOf(values), List.of()));
    }

    public static FieldRule pattern(String regex) {
        return of(new Pattern(regex));
    }

    public static FieldRule ref(String field) {
        return of(new Ref(field));
    }

    public static FieldRule of(Source source) {
        return new FieldRule(source, 0, Optional.empty(), Skew.uniform());
    }

    /** Weights for a {@link #oneOf} rule, one per value. */
    public FieldRule weights(double... weights) {
        if (!(source instanceof OneOf oneOf)) {
            throw new IllegalStateException("weights apply to oneOf rules, not " + source.name());
        }
        return new FieldRule(new OneOf(oneOf.values(), Arrays.stream(weights).boxed().toList()), nullRate, distinct,
                skew);
    }

    public FieldRule nullRate(double rate) {
        return new FieldRule(source, rate, distinct, skew);
    }

    /** Exactly {@code n} distinct values, each appearing at least once. */
    public FieldRule distinct(int n) {
        return new FieldRule(source, nullRate, Optional.of(n), skew);
    }

    /** Zipf-distributed use of the distinct values: value k has weight 1 / k^exponent. */
    public FieldRule zipf(double exponent) {
        return new FieldRule(source, nullRate, distinct, Skew.zipf(exponent));
    }

    public FieldRule withSkew(Skew s) {
        return new FieldRule(source, nullRate, distinct, s);
    }

    /** How records spread over a rule's distinct values (or a oneOf's values, when it has no weights). */
    public record Skew(Kind kind, double exponent) {
        /** The shape of the spread. */
        public enum Kind { UNIFORM, ZIPF }

        public Skew {
            Objects.requireNonNull(kind, "kind cannot be null");
            if (kind == Kind.ZIPF && !(exponent > 0)) {
                throw new IllegalArgumentException("zipf exponent must be positive, got " + exponent);
            }
        }

        public static Skew uniform() {
            return new Skew(Kind.UNIFORM, 0);
        }

        public static Skew zipf(double exponent) {
            return new Skew(Kind.ZIPF, exponent);
        }

        @Override
        public String toString() {
            return kind == Kind.UNIFORM ? "uniform" : "zipf(" + exponent + ")";
        }
    }
}
