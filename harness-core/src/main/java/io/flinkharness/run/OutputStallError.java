package io.flinkharness.run;

import io.flinkharness.diagnosis.Diagnosis;

/**
 * A wait on a running job did not see what it awaited within its limit. The message says what was awaited, the
 * limit and what was last seen, followed by the {@link Diagnosis}: named stall patterns with their fixes and the
 * facts (job state, checkpoints, watermarks, input per partition, open transactions) behind them.
 */
public class OutputStallError extends AssertionError {
    private final transient Diagnosis diagnosis;

    OutputStallError(String message, Diagnosis diagnosis, Throwable cause) {
        super(message + "\n" + diagnosis.render(), cause);
        this.diagnosis = diagnosis;
    }

    public Diagnosis diagnosis() {
        return diagnosis;
    }
}
