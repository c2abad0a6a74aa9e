package io.flinkharness.bench.unbounded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The measured windows of one checkpoint interval: per window, the time from Kafka acknowledging the record that
 * closed it to its row being visible read_committed, and the checkpoints the job completed in that time.
 *
 * @param checkpointInterval the jobs' checkpoint interval
 * @param latencies one per measured window, in the order measured
 * @param checkpoints one per measured window, in the order measured
 */
record LatencySamples(Duration checkpointInterval, List<Duration> latencies, List<Long> checkpoints) {

    LatencySamples {
        Objects.requireNonNull(checkpointInterval, "checkpointInterval cannot be null");
        latencies = List.copyOf(latencies);
        checkpoints = List.copyOf(checkpoints);
        if (latencies.isEmpty() || latencies.size() != checkpoints.size()) {
            throw new IllegalArgumentException("need one latency and one checkpoint count per window, got "
                    + latencies.size() + " and " + checkpoints.size());
        }
    }

    /** The middle latency; for an even count, the mean of the two middle ones. */
    Duration median() {
        List<Duration> sorted = sorted();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : sorted.get(mid - 1).plus(sorted.get(mid)).dividedBy(2);
    }

    Duration p90() {
        return percentile(90);
    }

    Duration min() {
        return sorted().get(0);
    }

    Duration max() {
        return sorted().get(latencies.size() - 1);
    }

    /** The median of the checkpoints waited (the lower middle one for an even count: a count, not an average). */
    long medianCheckpoints() {
        List<Long> sorted = checkpoints.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** Nearest-rank percentile: the smallest sample with at least {@code p} % of the samples at or below it. */
    Duration percentile(int p) {
        List<Duration> sorted = sorted();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private List<Duration> sorted() {
        List<Duration> sorted = new ArrayList<>(latencies);
        sorted.sort(Duration::compareTo);
        return sorted;
    }
}
