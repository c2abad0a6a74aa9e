package io.flinkharness.cases.internal;

import io.flinkharness.cases.internal.CaseDocument.RunDocument;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.internal.Suggestions;
import io.flinkharness.run.CaseStep;
import io.flinkharness.run.RunPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a case's {@code run:} section into a {@link RunPlan}: the mode (bounded by default), the limit of each wait
 * and the steps of an unbounded run. Not part of the public API.
 */
final class RunSection {
    private static final List<String> MODES = List.of("bounded", "unbounded");
    private static final Pattern BOUNDED_OPTION = Pattern.compile("'scan\\.bounded\\.mode'\\s*=\\s*'([^']*)'",
            Pattern.CASE_INSENSITIVE);

    private final Problems problems;

    RunSection(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param topics the declared topics
     * @param inputTopics the topics with declared input, in the order they are declared
     * @param ddl the statements of the case's DDL
     */
    RunPlan read(RunDocument run, Set<String> topics, List<String> inputTopics, List<SqlStatement> ddl) {
        if (run == null) {
            return RunPlan.BOUNDED;
        }
        if (!unbounded(run.mode())) {
            if (run.steps() != null) {
                throw problems.atKey("run.steps", "steps in a bounded case", "steps are for an unbounded run: add"
                        + " mode: unbounded under run:, or remove the steps (a bounded case sends all its input first)",
                        null);
            }
            if (run.timeout() != null) {
                throw problems.atKey("run.timeout", "a wait limit in a bounded case", "run.timeout limits the waits"
                        + " of an unbounded run; a bounded case's limit is timeout:", null);
            }
            return RunPlan.BOUNDED;
        }
        checkSourcesUnbounded(ddl);
        RunPlan plan = RunPlan.unbounded(steps(run, topics, inputTopics, ddl));
        return run.timeout() == null ? plan : plan.withWaitLimit(Timeouts.parse("run.timeout", run.timeout(), problems));
    }

    private boolean unbounded(String mode) {
        if (mode == null) {
            return false;
        }
        if (!MODES.contains(mode)) {
            throw problems.atValue("run.mode", "unknown mode '" + mode + "'", Suggestions.didYouMean(mode, MODES,
                    "modes") + "; bounded: the input is sent first and the job runs to its end, unbounded: the job"
                    + " keeps running while the steps send input, move event time and await output");
        }
        return mode.equals("unbounded");
    }

    /** A source with 'scan.bounded.mode' would stop and its job finish: no unbounded run. */
    private void checkSourcesUnbounded(List<SqlStatement> ddl) {
        for (SqlStatement statement : ddl) {
            Matcher bounded = BOUNDED_OPTION.matcher(statement.text());
            if (statement.createdTable().isPresent() && bounded.find()) {
                throw problems.atValue("run.mode", "unbounded, but table " + statement.createdTable().get()
                        + " (" + statement.location() + ") has 'scan.bounded.mode' = '" + bounded.group(1) + "', so"
                        + " its source would stop at the offsets present at start and the job would finish",
                        "remove 'scan.bounded.mode' from the table for an unbounded run, or run the case bounded");
            }
        }
    }

    private List<CaseStep> steps(RunDocument run, Set<String> topics, List<String> inputTopics,
                                 List<SqlStatement> ddl) {
        if (run.steps() == null) {
            return List.of();
        }
        if (run.steps().isEmpty()) {
            throw problems.atValue("run.steps", "no steps", "leave steps out for the default (send every declared"
                    + " input, then await: expectations), or list them");
        }
        List<String> tables = ddl.stream().flatMap(s -> s.createdTable().stream()).toList();
        StepReader reader = new StepReader(problems, topics, inputTopics, tables);
        List<CaseStep> steps = new ArrayList<>();
        for (int i = 0; i < run.steps().size(); i++) {
            steps.add(reader.read(FieldPath.index("run.steps", i), run.steps().get(i)));
        }
        checkEveryInputSent(steps, inputTopics);
        return steps;
    }

    private void checkEveryInputSent(List<CaseStep> steps, List<String> inputTopics) {
        for (String topic : inputTopics) {
            if (steps.stream().noneMatch(s -> s instanceof CaseStep.Send send && send.topic().equals(topic))) {
                throw problems.atKey("run.steps", "the input of topic '" + topic + "' is never sent",
                        "add a step '- send: " + topic + "' where it should be sent, or remove the input", null);
            }
        }
    }
}
