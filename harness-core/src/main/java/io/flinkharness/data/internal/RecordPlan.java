package io.flinkharness.data.internal;

import io.flinkharness.data.FieldRule;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.data.Struct;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeFamily;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.logical.utils.LogicalTypeCasts;

/**
 * The compiled field rules of one schema: how to fill every top-level field of a record, with the event-time field
 * taken from the record's event time and {@code ref} fields copied last. Built by {@link #compile}, which checks
 * every rule against its field and collects every problem before failing.
 */
public final class RecordPlan {
    private final RowType rowType;
    private final ValueSource[] sources;
    private final int eventTimeIndex;
    private final int[] refTargets;
    private final String[] refPaths;
    private final Struct.Factory factory;

    private RecordPlan(RowType rowType, ValueSource[] sources, int eventTimeIndex, int[] refTargets,
            String[] refPaths) {
        this.rowType = rowType;
        this.sources = sources;
        this.eventTimeIndex = eventTimeIndex;
        this.refTargets = refTargets;
        this.refPaths = refPaths;
        this.factory = Struct.factory(rowType.getFieldNames());
    }

    /**
     * @param rules field path to rule; paths may reach into nested rows ({@code "address.city"})
     * @param baseCount how many base records will be generated (for distinct placement and sequence ranges)
     * @param problems collects one message per problem
     */
    public static RecordPlan compile(RecordSchema schema, Map<String, FieldRule> rules, Optional<String> eventTime,
            long seed, int baseCount, long startMillis, List<String> problems) {
        RowType rowType = schema.rowType();
        Compiler compiler = new Compiler(rules, seed, baseCount, startMillis, problems);
        compiler.checkPaths(rowType);
        int eventTimeIndex = eventTime.map(f -> rowType.getFieldNames().indexOf(f)).orElse(-1);
        eventTime.ifPresent(f -> compiler.checkEventTime(rowType, f));
        ValueSource[] sources = new ValueSource[rowType.getFieldCount()];
        Map<Integer, String> refs = new LinkedHashMap<>();
        for (int i = 0; i < sources.length; i++) {
            RowType.RowField field = rowType.getFields().get(i);
            FieldRule rule = rules.get(field.getName());
            if (i == eventTimeIndex) {
                continue;
            }
            if (rule != null && rule.source() instanceof FieldRule.Ref ref) {
                compiler.checkRef(rowType, field, ref, rule);
                refs.put(i, ref.field());
                continue;
            }
            sources[i] = compiler.field(field.getName(), field.getType(),
                    Randoms.avroField(schema.avroSchema(), field.getName()));
        }
        compiler.checkRefCycles(refs, rowType);
        int[] targets = refs.keySet().stream().mapToInt(Integer::intValue).toArray();
        return new RecordPlan(rowType, sources, eventTimeIndex, orderRefs(targets, refs, rowType),
                orderedPaths(targets, refs, rowType));
    }

    /** The values of a generated record. */
    public Object[] generate(long index, long eventMillis) {
        Object[] values = new Object[sources.length];
        for (int i = 0; i < values.length; i++) {
            ValueSource s = sources[i];
            if (s != null) {
                values[i] = s.next(index, eventMillis);
            }
        }
        setEventTime(values, eventMillis);
        resolveRefs(values);
        return values;
    }

    /**
     * The values of an explicit row: the given fields (already coerced, by name), the others generated. Refs are
     * resolved only for fields the row leaves out.
     */
    public Object[] complete(Map<String, Object> given, long index, long eventMillis) {
        Object[] values = generate(index, eventMillis);
        List<String> names = rowType.getFieldNames();
        for (Map.Entry<String, Object> e : given.entrySet()) {
            values[names.indexOf(e.getKey())] = e.getValue();
        }
        setEventTime(values, eventMillis);
        for (int k = 0; k < refTargets.length; k++) {
            if (!given.containsKey(names.get(refTargets[k]))) {
                values[refTargets[k]] = resolve(values, refPaths[k], refTargets[k]);
            }
        }
        return values;
    }

    /** The same values with a new event time (for shifted duplicates). */
    public Object[] withEventTime(Object[] values, long eventMillis) {
        Object[] copy = values.clone();
        setEventTime(copy, eventMillis);
        resolveRefs(copy);
        return copy;
    }

    public Struct struct(Object[] values) {
        return factory.create(values);
    }

    public Struct.Factory factory() {
        return factory;
    }

    private void setEventTime(Object[] values, long eventMillis) {
        if (eventTimeIndex >= 0) {
            values[eventTimeIndex] = Times.fieldValue(rowType.getTypeAt(eventTimeIndex), eventMillis);
        }
    }

    private void resolveRefs(Object[] values) {
        for (int k = 0; k < refTargets.length; k++) {
            values[refTargets[k]] = resolve(values, refPaths[k], refTargets[k]);
        }
    }

    private Object resolve(Object[] values, String path, int target) {
        Object v = factory.create(values).get(path);
        LogicalType type = rowType.getTypeAt(target).copy(true);
        if (v != null && type.getTypeRoot() == LogicalTypeRoot.BIGINT
                && (v instanceof java.time.Instant || v instanceof java.time.LocalDateTime)) {
            return Times.millisOf(v);
        }
        return v == null ? null : Literals.coerce(type, v);
    }

    private static int[] orderRefs(int[] targets, Map<Integer, String> refs, RowType rowType) {
        List<Integer> order = topological(targets, refs, rowType);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String[] orderedPaths(int[] targets, Map<Integer, String> refs, RowType rowType) {
        return topological(targets, refs, rowType).stream().map(refs::get).toArray(String[]::new);
    }

    /** Refs that read other refs come after them (cycles were reported by the compiler). */
    private static List<Integer> topological(int[] targets, Map<Integer, String> refs, RowType rowType) {
        List<Integer> order = new ArrayList<>();
        for (int t : targets) {
            visit(t, refs, rowType, order, 0);
        }
        return order;
    }

    private static void visit(int t, Map<Integer, String> refs, RowType rowType, List<Integer> order, int depth) {
        if (order.contains(t) || depth > refs.size()) {
            return;
        }
        String path = refs.get(t);
        int dep = rowType.getFieldNames().indexOf(path.split("\\.")[0]);
        if (refs.containsKey(dep)) {
            visit(dep, refs, rowType, order, depth + 1);
        }
        order.add(t);
    }

    /** Builds value sources and records problems. */
    private static final class Compiler {
        private final Map<String, FieldRule> rules;
        private final long seed;
        private final int baseCount;
        private final long startMillis;
        private final List<String> problems;

        Compiler(Map<String, FieldRule> rules, long seed, int baseCount, long startMillis, List<String> problems) {
            this.rules = rules;
            this.seed = seed;
            this.baseCount = baseCount;
            this.startMillis = startMillis;
            this.problems = problems;
        }

        void checkPaths(RowType rowType) {
            for (String path : rules.keySet()) {
                if (typeAt(rowType, path).isEmpty()) {
                    problems.add("field '" + path + "' has a " + rules.get(path).source().name()
                            + " rule, but the schema has no such field (fields: "
                            + String.join(", ", rowType.getFieldNames()) + ")");
                }
            }
        }

        void checkEventTime(RowType rowType, String field) {
            Optional<LogicalType> type = typeAt(rowType, field);
            if (type.isEmpty() || field.contains(".")) {
                problems.add("event-time field '" + field + "' is not a top-level field of the schema (fields: "
                        + String.join(", ", rowType.getFieldNames()) + ")");
            } else if (!Times.canHoldEventTime(type.get())) {
                problems.add("event-time field '" + field + "' is " + type.get().asSummaryString()
                        + ": use TIMESTAMP(p), TIMESTAMP_LTZ(p) or BIGINT (epoch milliseconds)");
            } else if (rules.containsKey(field)) {
                problems.add("field '" + field + "' has a " + rules.get(field).source().name()
                        + " rule, but it is the event-time field: its values come from the time model;"
                        + " remove the rule");
            }
        }

        void checkRef(RowType rowType, RowType.RowField field, FieldRule.Ref ref, FieldRule rule) {
            Optional<LogicalType> target = typeAt(rowType, ref.field());
            String where = "field '" + field.getName() + "' rule ref: ";
            if (target.isEmpty()) {
                problems.add(where + "no field '" + ref.field() + "' to copy (fields: "
                        + String.join(", ", rowType.getFieldNames()) + ")");
            } else if (ref.field().equals(field.getName())) {
                problems.add(where + "a field cannot copy itself");
            } else if (!LogicalTypeCasts.supportsImplicitCast(target.get(), field.getType())
                    && !bothTemporal(target.get(), field.getType())) {
                problems.add(where + "cannot copy " + target.get().asSummaryString() + " '" + ref.field()
                        + "' into " + field.getType().asSummaryString());
            }
            if (rule.distinct().isPresent()) {
                problems.add(where + "distinct does not apply to a ref (it copies another field's values)");
            }
        }

        void checkRefCycles(Map<Integer, String> refs, RowType rowType) {
            for (Integer start : refs.keySet()) {
                int at = start;
                for (int hops = 0; hops <= refs.size(); hops++) {
                    String path = refs.get(at);
                    if (path == null) {
                        break;
                    }
                    at = rowType.getFieldNames().indexOf(path.split("\\.")[0]);
                    if (at == start) {
                        problems.add("field '" + rowType.getFieldNames().get(start)
                                + "' rule ref: refs form a cycle; one field of the cycle needs its own rule");
                        return;
                    }
                }
            }
        }

        ValueSource field(String path, LogicalType type, Optional<Schema> avro) {
            FieldRule rule = rules.get(path);
            try {
                if (rule == null) {
                    if (type.getTypeRoot() == LogicalTypeRoot.ROW && hasNestedRules(path)) {
                        return nullable(row(path, (RowType) type, avro), 0, path);
                    }
                    return Randoms.of(type, avro, rng("field:" + path), startMillis, path);
                }
                if (rule.source() instanceof FieldRule.Ref) {
                    problems.add("field '" + path + "' rule ref: refs reach top-level fields only");
                    return (i, t) -> null;
                }
                return ruled(path, type, avro, rule);
            } catch (Literals.LiteralException e) {
                problems.add("field '" + path + "'" + (rule == null ? "" : " rule " + rule.source().name())
                        + ": " + e.getMessage());
                return (i, t) -> null;
            }
        }

        private ValueSource ruled(String path, LogicalType type, Optional<Schema> avro, FieldRule rule) {
            if (rule.nullRate() > 0 && !type.isNullable()) {
                throw new Literals.LiteralException("nullRate " + rule.nullRate() + " on a NOT NULL field ("
                        + type.asSummaryString() + ")");
            }
            SplitMix rng = rng("field:" + path);
            ValueSource base = base(path, type, avro, rule, rng);
            if (rule.distinct().isEmpty()) {
                return nullable(base, rule.nullRate(), path);
            }
            int n = rule.distinct().get();
            RuleSources.capacity(type, rule.source()).ifPresent(cap -> {
                if (n > cap) {
                    throw new Literals.LiteralException("distinct(" + n + ") asks for more distinct values than the"
                            + " rule can give (" + cap + ")");
                }
            });
            if (n > baseCount) {
                throw new Literals.LiteralException("distinct(" + n + ") needs at least " + n
                        + " generated records, but only " + baseCount + " are generated");
            }
            ValueSource candidates = rule.source() instanceof FieldRule.RandomValues
                    ? readableKeys(path, type).orElse(base) : base;
            return DistinctSource.build(n, candidates, baseCount, Sampler.of(rule.skew(), n),
                    rng("distinct:" + path), rule.nullRate());
        }

        private ValueSource base(String path, LogicalType type, Optional<Schema> avro, FieldRule rule,
                SplitMix rng) {
            FieldRule.Source source = rule.source();
            if (source instanceof FieldRule.Constant c) {
                return RuleSources.constant(type, c);
            } else if (source instanceof FieldRule.Sequence s) {
                return RuleSources.sequence(type, s, baseCount);
            } else if (source instanceof FieldRule.Range r) {
                return RuleSources.range(type, r, rng);
            } else if (source instanceof FieldRule.OneOf o) {
                return RuleSources.oneOf(type, o, rule.skew(), rng);
            } else if (source instanceof FieldRule.Pattern p) {
                return RuleSources.pattern(type, p, rng);
            }
            if (type.getTypeRoot() == LogicalTypeRoot.ROW && hasNestedRules(path)) {
                return row(path, (RowType) type, avro);
            }
            return Randoms.of(type, avro, rng, startMillis, path);
        }

        /** Readable distinct keys for an unruled field: 1..N for integers, "field-1".."field-N" for strings. */
        private Optional<ValueSource> readableKeys(String path, LogicalType type) {
            if (type.is(LogicalTypeFamily.INTEGER_NUMERIC)) {
                LogicalTypeRoot root = type.getTypeRoot();
                return Optional.of((i, t) -> RuleSources.narrow(root, i + 1));
            }
            if (type.getTypeRoot() == LogicalTypeRoot.VARCHAR) {
                String prefix = path.substring(path.lastIndexOf('.') + 1) + "-";
                int max = ((org.apache.flink.table.types.logical.VarCharType) type).getLength();
                if (prefix.length() + String.valueOf(baseCount).length() <= max) {
                    return Optional.of((i, t) -> prefix + (i + 1));
                }
            }
            return Optional.empty();
        }

        private ValueSource row(String path, RowType type, Optional<Schema> avro) {
            List<ValueSource> fields = new ArrayList<>();
            for (RowType.RowField f : type.getFields()) {
                fields.add(field(path + "." + f.getName(), f.getType(), Randoms.avroField(avro, f.getName())));
            }
            return Randoms.struct(type, fields);
        }

        private ValueSource nullable(ValueSource inner, double rate, String path) {
            if (rate <= 0) {
                return inner;
            }
            SplitMix nulls = rng("nulls:" + path);
            return (i, t) -> nulls.chance(rate) ? null : inner.next(i, t);
        }

        private boolean hasNestedRules(String path) {
            return rules.keySet().stream().anyMatch(p -> p.startsWith(path + "."));
        }

        private SplitMix rng(String stream) {
            return SplitMix.forStream(seed, stream);
        }

        private static boolean bothTemporal(LogicalType a, LogicalType b) {
            return a.is(LogicalTypeFamily.TIMESTAMP) && b.is(LogicalTypeFamily.TIMESTAMP)
                    || a.is(LogicalTypeFamily.TIMESTAMP) && b.getTypeRoot() == LogicalTypeRoot.BIGINT;
        }

        static Optional<LogicalType> typeAt(RowType rowType, String path) {
            LogicalType at = rowType;
            for (String part : path.split("\\.")) {
                if (!(at instanceof RowType row) || !row.getFieldNames().contains(part)) {
                    return Optional.empty();
                }
                at = row.getTypeAt(row.getFieldIndex(part));
            }
            return Optional.of(at);
        }
    }
}
