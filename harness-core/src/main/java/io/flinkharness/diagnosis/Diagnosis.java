package io.flinkharness.diagnosis;

import io.flinkharness.diagnosis.internal.Facts;
import io.flinkharness.diagnosis.internal.FactsText;
import io.flinkharness.diagnosis.internal.StallRules;
import java.util.List;

/**
 * Why a running job's output is missing or short: named {@link Finding}s with their fixes, followed by the
 * facts they were drawn from (job state, checkpoints, watermarks per source partition and operator, input per
 * partition, open transactions on the output topics), all pulled from the Flink REST API and Kafka at one moment.
 *
 * <pre>
 * IDLE_PARTITION: partition 1 of table clicks (topic clicks-3f2a) never received a record, so its watermark is
 *   -inf and holds back the job's watermark: no window can fire. Fix: set 'scan.watermark.idle-timeout' ...
 * </pre>
 */
public final class Diagnosis {
    private final List<Finding> findings;
    private final String facts;

    private Diagnosis(List<Finding> findings, String facts) {
        this.findings = List.copyOf(findings);
        this.facts = facts;
    }

    /** Draws the findings from the facts. Not part of the public API: tests get one from their session. */
    public static Diagnosis of(Facts facts) {
        return new Diagnosis(StallRules.findings(facts), FactsText.render(facts));
    }

    /** A diagnosis that could not be made, e.g. because the cluster no longer answers. */
    public static Diagnosis unavailable(String reason) {
        return new Diagnosis(List.of(), "  (no diagnosis: " + reason + ")");
    }

    /** The named reasons, most fundamental first (a failed job before a late record). */
    public List<Finding> findings() {
        return findings;
    }

    public boolean has(Finding.Kind kind) {
        return findings.stream().anyMatch(f -> f.kind() == kind);
    }

    /** The facts the findings rest on, one per line, indented. */
    public String facts() {
        return facts;
    }

    /** The findings and the facts, as a failure message shows them. */
    public String render() {
        StringBuilder out = new StringBuilder();
        if (findings.isEmpty()) {
            out.append("diagnosis: no known stall pattern matched; the facts:\n");
        } else {
            out.append("diagnosis:\n");
            for (Finding f : findings) {
                out.append("  ").append(f.kind()).append(": ").append(f.explanation()).append("\n    fix: ")
                        .append(f.fix()).append('\n');
            }
            out.append("facts:\n");
        }
        return out.append(facts).toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
