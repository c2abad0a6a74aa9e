package io.flinkharness.cli;

import io.flinkharness.cases.CaseFileException;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.SqlCase;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What {@code run} prints: one line per case, the message of each case that did not pass, and a summary. */
final class Report {
    private static final String INDENT = "      ";

    private final PrintWriter out;
    private int passed;
    private int failed;

    Report(PrintWriter out) {
        this.out = out;
    }

    void notLoaded(CaseFileException e) {
        failed++;
        out.println("FAIL  " + e.file() + "  (not loaded)");
        details(e.getMessage());
    }

    void environmentStarted(long startNanos) {
        out.println("environment started in " + seconds(Duration.ofNanos(System.nanoTime() - startNanos)));
        out.flush();
    }

    void environmentFailed(RuntimeException e, List<SqlCase> notRun) {
        out.println("the environment did not start, so no case ran: " + e.getMessage());
        for (SqlCase c : notRun) {
            failed++;
            out.println("FAIL  " + c.name() + "  (not run)");
        }
    }

    void result(CaseResult r) {
        if (r.passed()) {
            passed++;
        } else {
            failed++;
        }
        out.println((r.passed() ? "PASS" : "FAIL") + "  " + r.name() + "  (" + seconds(r.elapsed()) + ")");
        if (!r.passed()) {
            details((r.status() == CaseResult.Status.ERROR ? "error " : "") + r.message());
        }
        out.flush();
    }

    void summary() {
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
    }

    boolean allPassed() {
        return failed == 0;
    }

    private void details(String message) {
        message.lines().forEach(line -> out.println(INDENT + line));
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }
}
