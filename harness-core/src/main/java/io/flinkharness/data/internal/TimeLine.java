package io.flinkharness.data.internal;

import io.flinkharness.data.TimeModel;
import java.util.List;

/** The base event times (epoch millis, non-decreasing) of a {@link TimeModel} for a number of records. */
final class TimeLine {
    private TimeLine() {
    }

    /** The problem with the phases for {@code count} records, or null. */
    static String check(TimeModel model, int count) {
        long fixed = model.phases().stream().filter(p -> p.records() > 0).mapToLong(TimeModel.Phase::records).sum();
        if (fixed > count) {
            return "time model: the phases hold " + fixed + " records but only " + count
                    + " are generated: set records(" + fixed + ") or shorten the phases";
        }
        return null;
    }

    static long[] times(TimeModel model, int count, SplitMix rng) {
        long[] out = new long[count];
        List<TimeModel.Phase> phases = model.effectivePhases();
        long fixed = phases.stream().filter(p -> p.records() > 0).mapToLong(TimeModel.Phase::records).sum();
        long startNanos = model.start().getEpochSecond() * 1_000_000_000L + model.start().getNano();
        long now = 0;
        int i = 0;
        long pause = 0;
        boolean first = true;
        for (TimeModel.Phase phase : phases) {
            pause += phase.pauseBefore().toNanos();
            long n = phase.records() < 0 ? count - fixed : phase.records();
            if (n == 0) {
                continue;
            }
            long step = phase.step().toNanos();
            long jitter = phase.jitter().toNanos();
            for (long k = 0; k < n && i < count; k++) {
                if (pause > 0) {
                    now += pause;
                    pause = 0;
                } else if (!first) {
                    now += jitter == 0 ? step : Math.max(0, step + rng.between(-jitter, jitter));
                }
                first = false;
                out[i++] = Math.floorDiv(startNanos + now, 1_000_000L);
            }
        }
        return out;
    }
}
