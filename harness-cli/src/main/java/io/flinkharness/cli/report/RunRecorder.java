package io.flinkharness.cli.report;

import io.flinkharness.cases.LoadedCase;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.SqlCase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what a run does, as it happens, into a {@link RunReport}. Start it when the run starts, give it every
 * loaded case file, then what became of each case; files that did not load become entries at once.
 *
 * <pre>{@code
 * RunRecorder recorder = new RunRecorder(Clock.systemUTC());
 * recorder.loaded(CaseFiles.loadAll(Path.of("cases")));
 * recorder.ran(sqlCase, runner.run(sqlCase));
 * RunReport report = recorder.report(Path.of("").toAbsolutePath());
 * }</pre>
 */
public final class RunRecorder {
    private final Clock clock;
    private final Instant started;
    private final long startNanos = System.nanoTime();
    private final Map<Path, Integer> fileOrder = new HashMap<>();
    private final Map<SqlCase, Path> files = new IdentityHashMap<>();
    private final List<ReportEntry> entries = new ArrayList<>();

    public RunRecorder(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    /** The case files of the run, in the order the report lists them. */
    public synchronized void loaded(List<LoadedCase> loaded) {
        for (LoadedCase l : loaded) {
            fileOrder.putIfAbsent(l.file(), fileOrder.size());
            l.sqlCase().ifPresent(c -> files.put(c, l.file()));
            l.error().ifPresent(e -> entries.add(new ReportEntry.NotLoaded(e, started)));
        }
    }

    /** A case ran; it started {@code result.elapsed()} ago. */
    public synchronized void ran(SqlCase sqlCase, CaseResult result) {
        Instant caseStarted = clock.instant().minus(result.elapsed());
        entries.add(new ReportEntry.Ran(fileOf(sqlCase), sqlCase, result, caseStarted));
    }

    /** The cases could not run because the environment did not start. */
    public synchronized void notRun(List<SqlCase> cases, RuntimeException cause) {
        Instant now = clock.instant();
        cases.forEach(c -> entries.add(new ReportEntry.NotRun(fileOf(c), c, cause, now)));
    }

    /** The run so far, entries in the order of their case files. */
    public synchronized RunReport report(Path workingDirectory) {
        List<ReportEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingInt(e -> fileOrder.getOrDefault(e.file(), Integer.MAX_VALUE)));
        return new RunReport(started, Duration.ofNanos(System.nanoTime() - startNanos), workingDirectory, ordered);
    }

    private Path fileOf(SqlCase sqlCase) {
        Path file = files.get(sqlCase);
        if (file == null) {
            throw new IllegalArgumentException("case '" + sqlCase.name() + "' was not among the loaded cases"
                    + " given to the RunRecorder");
        }
        return file;
    }
}
