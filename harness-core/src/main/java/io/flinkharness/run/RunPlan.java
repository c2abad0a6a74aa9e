package io.flinkharness.run;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a case runs: bounded (the default), or unbounded with steps. Immutable.
 *
 * <pre>{@code
 * RunPlan plan = RunPlan.unbounded(List.of(
 *                 new CaseStep.Send("clicks"),
 *                 new CaseStep.Fire("clicks", Instant.parse("2026-01-01T00:00:10Z"), Map.of("user", "heartbeat")),
 *                 CaseStep.AwaitTable.windowFired("counts", Instant.parse("2026-01-01T00:00:10Z")),
 *                 CaseStep.AwaitExpectations.withRunLimit()))
 *         .withWaitLimit(Duration.ofSeconds(30));
 * SqlCase c = SqlCase.named("clicks per window")...run(plan).build();
 * }</pre>
 *
 * @param mode bounded or unbounded
 * @param waitLimit the limit of each wait of an unbounded run (starting the job, each await step); empty for the
 *     case's timeout
 * @param steps what an unbounded run does once its job runs, in order; empty for the default: send every declared
 *     input, then await the expectations. Always empty for a bounded run.
 */
public record RunPlan(RunMode mode, Optional<Duration> waitLimit, List<CaseStep> steps) {
    /** Today's run: input first, job to its end, output checked. */
    public static final RunPlan BOUNDED = new RunPlan(RunMode.BOUNDED, Optional.empty(), List.of());

    public RunPlan {
        Objects.requireNonNull(mode, "mode cannot be null");
        Objects.requireNonNull(waitLimit, "waitLimit cannot be null; use Optional.empty()");
        waitLimit.ifPresent(RunPlan::requirePositive);
        steps = List.copyOf(steps);
        if (mode == RunMode.BOUNDED && (!steps.isEmpty() || waitLimit.isPresent())) {
            throw new IllegalArgumentException("steps and a wait limit are for unbounded runs; a bounded run writes"
                    + " its input, runs the job to its end and checks the output — use RunPlan.unbounded(steps)");
        }
    }

    /** An unbounded run doing these steps (none: send every declared input, then await the expectations). */
    public static RunPlan unbounded(List<CaseStep> steps) {
        return new RunPlan(RunMode.UNBOUNDED, Optional.empty(), steps);
    }

    /** The same plan whose waits last at most {@code limit} each (unless a step gives its own). */
    public RunPlan withWaitLimit(Duration limit) {
        return new RunPlan(mode, Optional.of(requirePositive(limit)), steps);
    }

    public boolean unbounded() {
        return mode == RunMode.UNBOUNDED;
    }

    static Duration requirePositive(Duration limit) {
        Objects.requireNonNull(limit, "limit cannot be null");
        if (limit.isZero() || limit.isNegative()) {
            throw new IllegalArgumentException("a wait limit must be positive, got " + limit);
        }
        return limit;
    }
}
