package io.flinkharness.junit.internal;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Adds what the test session knows (topics, seeds, jobs and their state, where the logs are) to a failing test's
 * message, keeping the failure's kind: an assertion stays an assertion (with its expected and actual values for the
 * IDE), an aborted test stays aborted, and JUnit's own errors (a parameter that cannot be resolved) stay as they
 * are. Not part of the public API.
 */
public final class FailureReport {
    private FailureReport() {
    }

    public static Throwable enrich(Throwable failure, String context) {
        if (failure instanceof TestAbortedException || failure instanceof org.junit.platform.commons.JUnitException) {
            return failure;
        }
        String message = (failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage())
                + System.lineSeparator() + System.lineSeparator() + context;
        Throwable enriched;
        if (failure instanceof AssertionFailedError afe) {
            enriched = new AssertionFailedError(message, afe.isExpectedDefined() ? afe.getExpected().getValue() : null,
                    afe.isActualDefined() ? afe.getActual().getValue() : null, failure.getCause());
        } else if (failure instanceof AssertionError) {
            enriched = new AssertionError(message, failure.getCause());
        } else {
            return new FlinkSqlTestFailure(failure.getClass().getName() + ": " + message, failure);
        }
        enriched.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            enriched.addSuppressed(suppressed);
        }
        return enriched;
    }

    /** An exception other than an assertion, with the session's context; its cause is the original. */
    public static final class FlinkSqlTestFailure extends RuntimeException {
        FlinkSqlTestFailure(String message, Throwable cause) {
            super(message, cause);
            setStackTrace(cause.getStackTrace());
        }
    }
}
