package io.flinkharness.data.internal;

import io.flinkharness.data.Placement;
import io.flinkharness.data.RecordEncoder;
import io.flinkharness.data.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.Utils;

/** Chooses partitions by the {@link Placement}. Round robin and weights skip idle partitions. */
final class Partitioner {
    private final Placement placement;
    private final RecordPlan plan;
    private final List<String> keyFields;
    private final Optional<RecordEncoder> keyEncoder;
    private final SplitMix rng;
    private final int[] active;
    private final Sampler weights;
    private int next;

    Partitioner(Placement placement, RecordPlan plan, List<String> keyFields, Optional<RecordEncoder> keyEncoder,
            SplitMix rng) {
        this.placement = placement;
        this.plan = plan;
        this.keyFields = keyFields;
        this.keyEncoder = keyEncoder;
        this.rng = rng;
        List<Integer> open = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int p = 0; p < placement.partitions(); p++) {
            if (!placement.idle().contains(p)) {
                open.add(p);
                w.add(placement.kind() == Placement.Kind.WEIGHTED ? placement.weights().get(p) : 1.0);
            }
        }
        this.active = open.stream().mapToInt(Integer::intValue).toArray();
        this.weights = Sampler.weighted(w);
    }

    /** The problems with a placement for this schema, before generating. */
    static void check(Placement placement, List<String> keyFields, Optional<RecordEncoder> keyEncoder,
            List<String> fieldNames, List<String> problems) {
        if (placement.kind() == Placement.Kind.KEY_HASH) {
            if (keyFields.isEmpty()) {
                problems.add("placement keyHash: the schema has no key fields; declare them ('key.fields' in the"
                        + " DDL, or RecordSchema.withKeyFields) or use round-robin placement");
            } else if (keyEncoder.isEmpty()) {
                problems.add("placement keyHash: no key encoder to hash the key bytes with; set keyEncoder(...)");
            }
            if (!placement.idle().isEmpty()) {
                problems.add("placement keyHash: idle partitions " + placement.idle() + " cannot be kept idle when"
                        + " keys decide the partition; use round-robin or weighted placement");
            }
        }
        if (placement.kind() == Placement.Kind.WEIGHTED) {
            double open = 0;
            for (int p = 0; p < placement.partitions(); p++) {
                double w = placement.weights().get(p);
                if (!(w >= 0)) {
                    problems.add("placement weighted: weight " + w + " of partition " + p + " is negative");
                }
                open += placement.idle().contains(p) ? 0 : Math.max(0, w);
            }
            if (open <= 0) {
                problems.add("placement weighted: every partition that is not idle has weight 0");
            }
        }
        if (placement.kind() == Placement.Kind.FIELD && !fieldNames.contains(placement.field())) {
            problems.add("placement byField: no field '" + placement.field() + "' (fields: "
                    + String.join(", ", fieldNames) + ")");
        }
    }

    int partitionOf(Object[] values) {
        switch (placement.kind()) {
            case KEY_HASH:
                Struct key = plan.struct(values).project(keyFields);
                byte[] bytes = keyEncoder.orElseThrow().encode(key);
                return Utils.toPositive(Utils.murmur2(bytes)) % placement.partitions();
            case FIELD:
                Object v = plan.struct(values).get(placement.field());
                if (!(v instanceof Number n) || n.intValue() < 0 || n.intValue() >= placement.partitions()) {
                    throw new IllegalArgumentException("placement byField: field '" + placement.field() + "' is "
                            + v + ", not a partition in 0.." + (placement.partitions() - 1));
                }
                return n.intValue();
            case ROUND_ROBIN:
                int p = active[next];
                next = (next + 1) % active.length;
                return p;
            default:
                return active[weights.next(rng)];
        }
    }

    /** A partition for a record added later (late records): by key or field, or drawn from the open partitions. */
    int partitionOfAdded(Object[] values) {
        if (placement.kind() == Placement.Kind.KEY_HASH || placement.kind() == Placement.Kind.FIELD) {
            return partitionOf(values);
        }
        return active[weights.next(rng)];
    }

    int[] openPartitions() {
        return active.clone();
    }
}
