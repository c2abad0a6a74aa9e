package io.flinkharness.data;

import io.flinkharness.data.GeneratorSpec.FieldSpec;
import io.flinkharness.data.GeneratorSpec.PhaseSpec;
import io.flinkharness.data.internal.Literals;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@link GeneratorSpec} (plain data, as read from a case file) into a {@link DataGenerator}. Every value is
 * checked here with its path; rules are then checked against the schema by {@link DataGenerator#generate()}.
 *
 * <pre>{@code
 * DataGenerator g = GeneratorSpecs.toGenerator(spec, resolver, 4);
 * }</pre>
 */
public final class GeneratorSpecs {
    private static final Pattern ZIPF = Pattern.compile("zipf\\(\\s*([0-9.]+)\\s*\\)");

    private GeneratorSpecs() {
    }

    /**
     * @param topicPartitions the partitions of the topic the records go to (the default partition count)
     */
    public static DataGenerator toGenerator(GeneratorSpec spec, SchemaResolver resolver, int topicPartitions) {
        DataGenerator g = DataGenerator.forSchema(schema(spec.schema(), resolver));
        if (spec.seed() != null) {
            g = g.seed(spec.seed());
        }
        if (spec.records() != null) {
            g = g.records(nonNegative("records", spec.records()));
        }
        if (spec.eventTime() != null) {
            g = g.eventTime(spec.eventTime());
        }
        if (spec.time() != null) {
            g = g.time(time(spec.time()));
        }
        if (spec.watermark() != null) {
            g = g.watermark(watermark(spec.watermark()));
        }
        if (spec.outOfOrder() != null) {
            g = g.outOfOrder(required("outOfOrder.maxDelay", spec.outOfOrder().maxDelay(), "maxDelay: 3s",
                    GeneratorSpecs::duration), fraction("outOfOrder.fraction", spec.outOfOrder().fraction(), 1.0));
        }
        if (spec.late() != null) {
            g = g.lateRecords(nonNegative("late.count", require("late.count", spec.late().count(), "count: 5")),
                    required("late.behind", spec.late().behind(), "behind: 30s", GeneratorSpecs::duration));
        }
        if (spec.duplicates() != null) {
            g = g.duplicates(duplicates(spec.duplicates()));
        }
        g = g.placement(placement(spec.partitions(), topicPartitions));
        if (spec.trailing() != null) {
            g = g.trailing(trailing(spec.trailing()));
        }
        if (spec.fields() != null) {
            for (Map.Entry<String, FieldSpec> f : spec.fields().entrySet()) {
                g = g.field(f.getKey(), rule("fields." + f.getKey(), f.getValue()));
            }
        }
        if (spec.rows() != null) {
            for (int i = 0; i < spec.rows().size(); i++) {
                g = g.explicit(row("rows[" + i + "]", spec.rows().get(i)));
            }
        }
        return g;
    }

    private static RecordSchema schema(GeneratorSpec.SchemaSpec s, SchemaResolver resolver) {
        String fix = "give one of table (a table of the case's DDL), ddl, avro, avroFile or registry";
        if (s == null) {
            throw new GeneratorSpecException("schema", "missing", fix);
        }
        int given = (s.table() != null ? 1 : 0) + (s.ddl() != null ? 1 : 0) + (s.avro() != null ? 1 : 0)
                + (s.avroFile() != null ? 1 : 0) + (s.registry() != null ? 1 : 0);
        if (given != 1) {
            throw new GeneratorSpecException("schema", given == 0 ? "no schema source given"
                    : given + " schema sources given", fix.replace("one of", "exactly one of"));
        }
        try {
            if (s.table() != null) {
                return resolver.table(s.table());
            } else if (s.ddl() != null) {
                return resolver.ddl(s.ddl());
            } else if (s.avro() != null) {
                return resolver.avro(s.avro() instanceof String text ? text : Literals.toJson(s.avro()));
            } else if (s.avroFile() != null) {
                return resolver.avroFile(s.avroFile());
            }
            GeneratorSpec.RegistrySpec r = s.registry();
            return resolver.registry(require("schema.registry.subject", r.subject(), "subject: orders-value"),
                    r.version() == null ? "latest" : r.version(), r.url());
        } catch (GeneratorSpecException e) {
            throw e;
        } catch (RuntimeException e) {
            // a DDL Flink rejects, a file that cannot be read, a registry that does not answer or lacks the subject
            throw new GeneratorSpecException("schema", e.getMessage(), "");
        }
    }

    private static TimeModel time(GeneratorSpec.TimeSpec t) {
        Instant start = t.start() == null ? DataGenerator.DEFAULT_START : instant("time.start", t.start());
        TimeModel model = TimeModel.startingAt(start);
        if (t.phases() != null) {
            if (t.every() != null || t.rate() != null) {
                throw new GeneratorSpecException("time", "both phases and every/rate given",
                        "use phases, or every/rate for one steady pace");
            }
            for (int i = 0; i < t.phases().size(); i++) {
                model = phase(model, "time.phases[" + i + "]", t.phases().get(i));
            }
            return model;
        }
        Duration step = step("time", t.every(), t.rate());
        model = model.every(step == null ? Duration.ofSeconds(1) : step);
        return t.jitter() == null ? model : model.withJitter(duration("time.jitter", t.jitter()));
    }

    private static TimeModel phase(TimeModel model, String path, PhaseSpec p) {
        if (p.pause() != null) {
            if (p.records() != null || p.every() != null || p.rate() != null) {
                throw new GeneratorSpecException(path, "a pause phase has only 'pause'",
                        "write the pause and the next phase as two list items");
            }
            return model.pause(duration(path + ".pause", p.pause()));
        }
        Duration step = step(path, p.every(), p.rate());
        if (step == null) {
            throw new GeneratorSpecException(path, "no pace given", "give every: 100ms or rate: 10 (records/s)");
        }
        int records = p.records() == null ? -1 : nonNegative(path + ".records", p.records());
        TimeModel next = records < 0 ? model.every(step) : model.phase(records, step);
        return p.jitter() == null ? next : next.withJitter(duration(path + ".jitter", p.jitter()));
    }

    private static Duration step(String path, String every, Double rate) {
        if (every != null && rate != null) {
            throw new GeneratorSpecException(path, "both every and rate given", "give one of them");
        }
        if (rate != null) {
            if (!(rate > 0)) {
                throw new GeneratorSpecException(path + ".rate", "must be positive, got " + rate,
                        "give records per second of event time, e.g. rate: 10");
            }
            return Duration.ofNanos(Math.round(1e9 / rate));
        }
        return every == null ? null : duration(path + ".every", every);
    }

    private static DeclaredWatermark watermark(GeneratorSpec.WatermarkSpec w) {
        Duration delay = required("watermark.delay", w.delay(), "delay: 5s", GeneratorSpecs::duration);
        DeclaredWatermark declared = DeclaredWatermark.delay(delay);
        if (w.emit() == null || w.emit().equalsIgnoreCase("periodic")) {
            return declared;
        }
        if (w.emit().equalsIgnoreCase("on-event")) {
            return declared.onEvent();
        }
        throw new GeneratorSpecException("watermark.emit", "unknown emission '" + w.emit() + "'",
                "use on-event or periodic (as 'scan.watermark.emit.strategy')");
    }

    private static Duplicates duplicates(GeneratorSpec.DuplicatesSpec d) {
        if ((d.count() == null) == (d.fraction() == null)) {
            throw new GeneratorSpecException("duplicates", d.count() == null ? "neither count nor fraction given"
                    : "both count and fraction given", "give count: 10 or fraction: 0.01");
        }
        Duplicates dups = d.count() != null ? Duplicates.count(nonNegative("duplicates.count", d.count()))
                : Duplicates.fraction(fraction("duplicates.fraction", d.fraction(), 1.0));
        if (d.shift() != null) {
            dups = dups.shiftedBy(duration("duplicates.shift", d.shift()));
        }
        if (d.within() != null) {
            if (d.within() < 1) {
                throw new GeneratorSpecException("duplicates.within", "must be at least 1, got " + d.within(),
                        "a copy comes 1 or more records after its original");
            }
            dups = dups.withinRecords(d.within());
        }
        return dups;
    }

    private static Placement placement(GeneratorSpec.PartitionsSpec p, int topicPartitions) {
        if (p == null) {
            return Placement.roundRobin(topicPartitions);
        }
        int count = p.count() == null ? topicPartitions : p.count();
        if (count < 1 || count > topicPartitions) {
            throw new GeneratorSpecException("partitions.count", count + " partitions, but the topic has "
                    + topicPartitions, "use 1.." + topicPartitions + " or declare more partitions for the topic");
        }
        String strategy = p.strategy() == null ? "round-robin" : p.strategy().toLowerCase(Locale.ROOT);
        Placement placement;
        try {
            switch (strategy) {
                case "round-robin":
                    placement = Placement.roundRobin(count);
                    break;
                case "key-hash":
                    placement = Placement.keyHash(count);
                    break;
                case "weighted":
                    List<Double> w = require("partitions.weights", p.weights(), "weights: [8, 1, 1]");
                    placement = Placement.weighted(w.stream().mapToDouble(Double::doubleValue).toArray());
                    break;
                case "field":
                    placement = Placement.byField(count, require("partitions.field", p.field(), "field: part"));
                    break;
                default:
                    throw new GeneratorSpecException("partitions.strategy", "unknown strategy '" + p.strategy() + "'",
                            "use round-robin, key-hash, weighted or field");
            }
            return p.idle() == null ? placement : placement.idle(p.idle().toArray(Integer[]::new));
        } catch (GeneratorSpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new GeneratorSpecException("partitions", e.getMessage(), "");
        }
    }

    private static Trailing trailing(GeneratorSpec.TrailingSpec t) {
        if ((t.window() == null) == (t.watermark() == null)) {
            throw new GeneratorSpecException("trailing", t.window() == null ? "neither window nor watermark given"
                    : "both window and watermark given", "give window: 1m or watermark: 2026-01-01T00:10:00Z");
        }
        return t.window() != null ? Trailing.pastLastWindow(duration("trailing.window", t.window()))
                : Trailing.watermarkTo(instant("trailing.watermark", t.watermark()));
    }

    static FieldRule rule(String path, FieldSpec f) {
        if (f == null) {
            return FieldRule.random();
        }
        List<String> sources = new ArrayList<>();
        FieldRule rule = FieldRule.random();
        if (f.constant() != null) {
            sources.add("constant");
            rule = FieldRule.constant(f.constant());
        }
        if (f.sequence() != null) {
            sources.add("sequence");
            rule = FieldRule.sequence(require(path + ".sequence.start", f.sequence().start(), "start: 1"),
                    f.sequence().step());
        }
        if (f.range() != null) {
            sources.add("range");
            if (f.range().size() != 2) {
                throw new GeneratorSpecException(path + ".range", "expected [min, max], got " + f.range().size()
                        + " values", "write range: [1, 100]");
            }
            rule = FieldRule.range(f.range().get(0), f.range().get(1));
        }
        if (f.oneOf() != null) {
            sources.add("oneOf");
            rule = FieldRule.oneOf(f.oneOf());
            if (f.weights() != null) {
                rule = rule.weights(f.weights().stream().mapToDouble(Double::doubleValue).toArray());
            }
        } else if (f.weights() != null) {
            throw new GeneratorSpecException(path + ".weights", "weights without oneOf",
                    "give the values with oneOf: [a, b] and one weight per value");
        }
        if (f.pattern() != null) {
            sources.add("pattern");
            rule = FieldRule.pattern(f.pattern());
        }
        if (f.ref() != null) {
            sources.add("ref");
            rule = FieldRule.ref(f.ref());
        }
        if (sources.size() > 1) {
            throw new GeneratorSpecException(path, "several rules given: " + String.join(", ", sources),
                    "keep one of them");
        }
        if (f.nullRate() != null) {
            rule = rule.nullRate(fraction(path + ".nullRate", f.nullRate(), 1.0));
        }
        if (f.distinct() != null) {
            if (f.distinct() < 1) {
                throw new GeneratorSpecException(path + ".distinct", "must be at least 1, got " + f.distinct(),
                        "give the number of distinct values, e.g. distinct: 50");
            }
            rule = rule.distinct(f.distinct());
        }
        if (f.skew() != null) {
            rule = rule.withSkew(skew(path + ".skew", f.skew()));
        }
        return rule;
    }

    private static FieldRule.Skew skew(String path, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("uniform")) {
            return FieldRule.Skew.uniform();
        }
        Matcher m = ZIPF.matcher(t);
        if (m.matches() && Double.parseDouble(m.group(1)) > 0) {
            return FieldRule.Skew.zipf(Double.parseDouble(m.group(1)));
        }
        throw new GeneratorSpecException(path, "unknown skew '" + text + "'", "use uniform or zipf(1.2)");
    }

    private static ExplicitRow row(String path, GeneratorSpec.RowSpec r) {
        if (r == null || r.values() == null) {
            throw new GeneratorSpecException(path + ".values", "missing", "write values: { field: value, ... }");
        }
        ExplicitRow row = ExplicitRow.of(r.values());
        if (r.at() != null) {
            row = row.at(instant(path + ".at", r.at()));
        }
        if (r.partition() != null) {
            row = row.inPartition(nonNegative(path + ".partition", r.partition()));
        }
        return row;
    }

    private static Duration duration(String path, String text) {
        try {
            Duration d = Literals.duration(text);
            if (d.isNegative()) {
                throw new GeneratorSpecException(path, "negative duration " + text, "give a positive duration");
            }
            return d;
        } catch (Literals.LiteralException | DateTimeParseException e) {
            throw new GeneratorSpecException(path, "'" + text + "' is not a duration",
                    "write 250ms, 5s, 2m, 1h, 1d or ISO-8601 like PT5S");
        }
    }

    private static Instant instant(String path, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new GeneratorSpecException(path, "'" + text + "' is not an ISO-8601 instant",
                    "write it like 2026-01-01T00:00:00Z");
        }
    }

    private static double fraction(String path, Double value, double max) {
        if (value == null || !(value >= 0 && value <= max)) {
            throw new GeneratorSpecException(path, "must be between 0 and " + max + ", got " + value,
                    "give a share of the records, e.g. 0.2");
        }
        return value;
    }

    private static int nonNegative(String path, int value) {
        if (value < 0) {
            throw new GeneratorSpecException(path, "cannot be negative, got " + value, "give 0 or more");
        }
        return value;
    }

    private static <T> T require(String path, T value, String example) {
        if (value == null) {
            throw new GeneratorSpecException(path, "missing", "write " + example);
        }
        return value;
    }

    private static <T> T required(String path, String value, String example,
            java.util.function.BiFunction<String, String, T> parse) {
        return parse.apply(path, require(path, value, example));
    }
}
