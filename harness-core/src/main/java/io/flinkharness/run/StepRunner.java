package io.flinkharness.run;

import io.flinkharness.data.GeneratedData;
import io.flinkharness.internal.ConditionTimeoutException;
import io.flinkharness.internal.Poll;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.kafka.TestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Does the {@link CaseStep}s of an unbounded case on its session and running job, and keeps the latency of each wait
 * that saw its output. A wait that times out throws an {@link OutputStallError} (with its diagnosis).
 */
final class StepRunner {
    private final TestSession session;
    private final SqlCase sqlCase;
    private final SqlJob job;
    private final Duration limit;
    private final CommittedExpectations expectations;
    private final List<AwaitedOutput> awaited = new ArrayList<>();
    /** Per topic, how many records of its input have been sent. */
    private final java.util.Map<String, Integer> sent = new java.util.HashMap<>();

    StepRunner(TestSession session, SqlCase sqlCase, SqlJob job, CommittedExpectations expectations) {
        this.session = session;
        this.sqlCase = sqlCase;
        this.job = job;
        this.limit = session.timeout();
        this.expectations = expectations;
    }

    List<AwaitedOutput> awaited() {
        return List.copyOf(awaited);
    }

    void perform(CaseStep step) {
        if (step instanceof CaseStep.Send send) {
            send(send);
        } else if (step instanceof CaseStep.Advance advance) {
            EventTime time = session.eventTime(advance.table()).withValues(advance.values());
            if (advance.partitions().isEmpty()) {
                time.advanceTo(advance.to());
            } else {
                time.advanceTo(advance.to(), advance.partitions().stream().mapToInt(Integer::intValue).toArray());
            }
        } else if (step instanceof CaseStep.Fire fire) {
            session.eventTime(fire.table()).withValues(fire.values()).fireWindowEndingAt(fire.windowEnd());
        } else if (step instanceof CaseStep.AwaitTable await) {
            awaitTable(await);
        } else if (step instanceof CaseStep.AwaitExpectations await) {
            awaitExpectations(await.timeout().orElse(limit));
        }
    }

    /** The next records of the topic's input (generated first, then explicit), as the bounded run orders them. */
    private void send(CaseStep.Send step) {
        String topic = step.topic();
        SessionTopic target = session.topic(topic);
        GeneratedData generated = sqlCase.generated().get(topic);
        List<TestRecord> explicit = sqlCase.inputs().getOrDefault(topic, List.of());
        int generatedSize = generated == null ? 0 : generated.size();
        int from = sent.getOrDefault(topic, 0);
        int to = Math.min(generatedSize + explicit.size(), from + step.records().orElse(Integer.MAX_VALUE - from));
        if (from < generatedSize) {
            int end = Math.min(to, generatedSize);
            target.send(new GeneratedData(generated.seed(), generated.schema(), generated.partitions(),
                    generated.records().subList(from, end)));
        }
        if (to > generatedSize) {
            target.send(explicit.subList(Math.max(from, generatedSize) - generatedSize, to - generatedSize));
        }
        sent.put(topic, to);
    }

    private void awaitTable(CaseStep.AwaitTable step) {
        OutputAwait await = session.awaitTable(step.table()).atMost(step.timeout().orElse(limit));
        if (step.withinCheckpoints().isPresent()) {
            await = await.withinCheckpoints(step.withinCheckpoints().getAsInt());
        }
        VisibleOutput out = step.condition().await(await);
        awaited.add(new AwaitedOutput(step.table(), step.condition().describe(), out.sinceLastInput(),
                out.checkpointsSinceLastInput()));
    }

    /** Polls until every expectation passes on the committed output; fails at once if the job has ended. */
    private void awaitExpectations(Duration timeout) {
        Optional<Instant> input = session.lastInput();
        String awaited = "every expectation of case '" + sqlCase.name() + "' (topics " + expectations.topics()
                + ") to pass on the committed output (read_committed)";
        AtomicReference<List<String>> last = new AtomicReference<>();
        try {
            Poll.until(awaited, timeout, () -> {
                List<String> mismatches = expectations.check().mismatches();
                last.set(mismatches);
                if (mismatches.isEmpty()) {
                    return Optional.of(true);
                }
                failFastIfEnded(awaited, mismatches);
                return Optional.empty();
            }, () -> last.get() == null ? "nothing read yet" : "\n" + String.join("\n\n", last.get()));
        } catch (ConditionTimeoutException e) {
            throw new OutputStallError(e.getMessage(), session.diagnose(), e);
        }
        Instant visible = Instant.now();
        Optional<Duration> since = input.map(s -> Duration.between(s, visible));
        this.awaited.add(new AwaitedOutput(expectations.topics(), "expectations", since,
                input.flatMap(s -> session.checkpointsBetween(job, s, visible))));
    }

    private void failFastIfEnded(String awaited, List<String> mismatches) {
        JobStatus status = job.status();
        if (status.isTerminal()) {
            throw new OutputStallError("the job " + job.id() + " is " + status + ", so its output will not change any"
                    + " more; it ended before " + awaited + "; last seen:\n" + String.join("\n\n", mismatches),
                    session.diagnose(), null);
        }
    }
}
