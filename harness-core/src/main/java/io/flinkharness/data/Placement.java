package io.flinkharness.data;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which partition each record goes to. The generator decides the partition itself (and the record carries it
 * explicitly), so labels know it and the order within each partition is the order the test asked for.
 *
 * <pre>{@code
 * Placement.keyHash(4)                        // like Kafka's default partitioner: murmur2(key bytes) % 4
 * Placement.roundRobin(4).idle(3)             // partitions 0..2 in turn, 3 gets nothing
 * Placement.weighted(70, 10, 10, 10)          // partition 0 gets 70 % of the records
 * Placement.byField(4, "partition")           // an int field of the record holds the partition
 * }</pre>
 *
 * @param kind the strategy
 * @param partitions how many partitions the topic has
 * @param weights per partition, for {@link Kind#WEIGHTED} (a zero weight leaves a partition idle)
 * @param field the int field holding the partition, for {@link Kind#FIELD}
 * @param idle partitions that get no record at all
 */
public record Placement(Kind kind, int partitions, List<Double> weights, String field, Set<Integer> idle) {

    /** A placement strategy. */
    public enum Kind { KEY_HASH, ROUND_ROBIN, WEIGHTED, FIELD }

    public Placement {
        Objects.requireNonNull(kind, "kind cannot be null");
        weights = List.copyOf(weights);
        idle = Set.copyOf(new TreeSet<>(idle));
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs partitions >= 1, got " + partitions);
        }
        for (int p : idle) {
            if (p < 0 || p >= partitions) {
                throw new IllegalArgumentException("idle partition " + p + " is not in 0.." + (partitions - 1));
            }
        }
        if (idle.size() == partitions) {
            throw new IllegalArgumentException("all " + partitions + " partitions are idle: no record has a place");
        }
        if (kind == Kind.WEIGHTED && weights.size() != partitions) {
            throw new IllegalArgumentException("weighted placement needs one weight per partition: " + partitions
                    + " partitions, " + weights.size() + " weights");
        }
        if (kind == Kind.FIELD && field == null) {
            throw new IllegalArgumentException("field placement needs the name of the partition field");
        }
    }

    public static Placement single() {
        return roundRobin(1);
    }

    public static Placement keyHash(int partitions) {
        return new Placement(Kind.KEY_HASH, partitions, List.of(), null, Set.of());
    }

    public static Placement roundRobin(int partitions) {
        return new Placement(Kind.ROUND_ROBIN, partitions, List.of(), null, Set.of());
    }

    public static Placement weighted(double... weights) {
        return new Placement(Kind.WEIGHTED, weights.length, java.util.Arrays.stream(weights).boxed().toList(), null,
                Set.of());
    }

    public static Placement byField(int partitions, String field) {
        return new Placement(Kind.FIELD, partitions, List.of(), field, Set.of());
    }

    /** These partitions get no record (round-robin and weighted placement only). */
    public Placement idle(Integer... partitionsLeftIdle) {
        Set<Integer> all = new TreeSet<>(idle);
        all.addAll(List.of(partitionsLeftIdle));
        return new Placement(kind, partitions, weights, field, all);
    }
}
