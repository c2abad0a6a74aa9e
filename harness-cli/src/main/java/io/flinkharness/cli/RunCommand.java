package io.flinkharness.cli;

import io.flinkharness.cases.CaseFiles;
import io.flinkharness.cases.LoadedCase;
import io.flinkharness.cli.report.RunRecorder;
import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.SqlCase;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flink-sql-harness run [PATH...]}: loads every case file first (a file that does not load is reported
 * and counted as failed, the others still run), then starts one environment, runs the cases one after another
 * with one {@link CaseRunner} and closes the environment. Then it writes the reports asked for
 * ({@link ReportFiles}: {@code --junit-xml}, {@code --html}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs YAML case files (one case per file) against an embedded Kafka + Flink + SQL Gateway.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case passed", "1:a case failed, errored or could not be loaded",
                "2:bad usage, or no case file found",
                "3:every case passed, but a report (--junit-xml, --html) could not be written"})
final class RunCommand implements Callable<Integer> {
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int REPORT_NOT_WRITTEN = 3;
    static final Path DEFAULT_PATH = Path.of("samples", "cases");

    private final Supplier<? extends FlinkKafkaEnvironment> environments;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Case files, or directories searched for *.yaml and *.yml files (default: samples/cases).")
    private List<Path> paths = new ArrayList<>();

    @Mixin
    private ReportFiles reportFiles = new ReportFiles();

    /** What the current call did, for the reports. */
    private RunRecorder recorder;

    RunCommand(Supplier<? extends FlinkKafkaEnvironment> environments) {
        this.environments = environments;
    }

    @Override
    public Integer call() {
        recorder = new RunRecorder(Clock.systemUTC());
        List<Path> roots = paths.isEmpty() ? List.of(DEFAULT_PATH) : paths;
        Optional<String> usageError = checkPaths(roots);
        if (usageError.isPresent()) {
            err().println(usageError.get());
            return USAGE;
        }
        List<LoadedCase> loaded = new ArrayList<>();
        roots.forEach(root -> loaded.addAll(CaseFiles.loadAll(root)));
        if (loaded.isEmpty()) {
            err().println("no case files (*.yaml, *.yml) found in " + roots.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")) + " — pass case files, or directories that hold them");
            return USAGE;
        }
        Report report = new Report(spec.commandLine().getOut());
        recorder.loaded(loaded);
        loaded.stream().filter(l -> !l.isLoaded()).forEach(l -> report.notLoaded(l.error().orElseThrow()));
        runAll(loaded.stream().flatMap(l -> l.sqlCase().stream()).toList(), report);
        boolean reportsWritten = writeReports();
        report.summary();
        return !report.allPassed() ? FAILED : reportsWritten ? PASSED : REPORT_NOT_WRITTEN;
    }

    /** Writes the report files asked for; whether all were written. */
    private boolean writeReports() {
        return reportFiles.write(recorder.report(Path.of("")), spec.commandLine().getOut(), err());
    }

    private static Optional<String> checkPaths(List<Path> roots) {
        return roots.stream().filter(p -> !Files.exists(p)).findFirst()
                .map(p -> "no such file or directory: " + p + (p.equals(DEFAULT_PATH)
                        ? " — run from the project directory, or pass case files or directories" : ""));
    }

    private void runAll(List<SqlCase> cases, Report report) {
        if (cases.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        FlinkKafkaEnvironment started;
        try {
            started = environments.get();
        } catch (RuntimeException e) {
            report.environmentFailed(e, cases);
            recorder.notRun(cases, e);
            return;
        }
        try (FlinkKafkaEnvironment env = started; CaseRunner runner = CaseRunner.on(env)) {
            report.environmentStarted(start);
            for (SqlCase c : cases) {
                CaseResult result = runner.run(c);
                report.result(result);
                recorder.ran(c, result);
            }
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
