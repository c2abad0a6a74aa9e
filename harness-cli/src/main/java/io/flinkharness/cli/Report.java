package io.flinkharness.cli;

import io.flinkharness.cases.CaseFileException;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.SqlCase;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What {@code run} prints, as cases finish (also when several run at once): one line per case with its time, the
 * message of each case that did not pass, the latency of each output an unbounded case awaited
 * ({@code awaited counts windowEnd: 2026-01-01T00:00:10Z: 412 ms after the last input, 2 checkpoints}), and a
 * summary. PASS and FAIL are coloured on a terminal only.
 */
final class Report {
    private static final String INDENT = "      ";

    private final PrintWriter out;
    private final boolean colour;
    private int passed;
    private int failed;
    private int notLoaded;
    private int notRun;

    Report(PrintWriter out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    synchronized void notLoaded(CaseFileException e) {
        notLoaded++;
        out.println(fail() + "  " + e.file() + "  (not loaded)");
        details(e.getMessage());
    }

    synchronized void notRun(io.flinkharness.run.SqlCase c, String why) {
        notRun++;
        out.println("SKIP  " + c.name() + "  (not run: " + why + ")");
        out.flush();
    }

    synchronized int notLoadedCount() {
        return notLoaded;
    }

    private String fail() {
        return colour ? "\u001B[31mFAIL\u001B[0m" : "FAIL";
    }

    private String pass() {
        return colour ? "\u001B[32mPASS\u001B[0m" : "PASS";
    }

    synchronized void environmentStarted(long startNanos) {
        out.println("environment started in " + seconds(Duration.ofNanos(System.nanoTime() - startNanos)));
        out.flush();
    }

    synchronized void environmentFailed(RuntimeException e, List<SqlCase> cases) {
        out.println("the environment did not start, so no case ran: " + e.getMessage());
        for (SqlCase c : cases) {
            notRun++;
            out.println(fail() + "  " + c.name() + "  (not run)");
        }
    }

    synchronized void result(CaseResult r) {
        if (r.passed()) {
            passed++;
        } else {
            failed++;
        }
        out.println((r.passed() ? pass() : fail()) + "  " + r.name() + "  (" + seconds(r.elapsed()) + ")");
        if (!r.passed()) {
            details((r.status() == CaseResult.Status.ERROR ? "error " : "") + r.message());
        }
        r.awaited().forEach(a -> out.println(INDENT + "awaited " + a));
        out.flush();
    }

    synchronized void summary() {
        out.println(passed + " passed, " + failed + " failed" + (notLoaded == 0 ? "" : ", " + notLoaded + " not loaded")
                + (notRun == 0 ? "" : ", " + notRun + " not run"));
        out.flush();
    }

    synchronized boolean allPassed() {
        return failed == 0 && notLoaded == 0 && notRun == 0;
    }

    private void details(String message) {
        message.lines().forEach(line -> out.println(INDENT + line));
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }
}
