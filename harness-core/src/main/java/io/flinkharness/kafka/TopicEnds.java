package io.flinkharness.kafka;

import java.util.Map;
import java.util.TreeMap;

/**
 * A topic's ends per partition at one moment: the last stable offset (what read_committed consumers can read
 * up to) and the high watermark (the end of everything written, committed or not).
 */
public record TopicEnds(String topic, Map<Integer, Long> lastStable, Map<Integer, Long> high) {

    public TopicEnds {
        lastStable = Map.copyOf(lastStable);
        high = Map.copyOf(high);
    }

    /**
     * Offsets past the last stable offset, summed over partitions: records (and markers) of transactions still
     * open, invisible to read_committed consumers until the transaction commits.
     */
    public long pastLastStable() {
        return high.entrySet().stream().mapToLong(e -> e.getValue() - lastStable.getOrDefault(e.getKey(), e.getValue()))
                .sum();
    }

    /** Partitions with an open transaction. */
    public Map<Integer, Long> openByPartition() {
        Map<Integer, Long> open = new TreeMap<>();
        high.forEach((p, h) -> {
            long past = h - lastStable.getOrDefault(p, h);
            if (past > 0) {
                open.put(p, past);
            }
        });
        return open;
    }

    /** The high watermark of every partition summed: how many offsets were written (records and markers). */
    public long written() {
        return high.values().stream().mapToLong(Long::longValue).sum();
    }
}
