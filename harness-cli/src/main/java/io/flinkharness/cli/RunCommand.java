package io.flinkharness.cli;

import io.flinkharness.cases.CaseFiles;
import io.flinkharness.cases.LoadedCase;
import io.flinkharness.cli.report.RunRecorder;
import io.flinkharness.env.EnvironmentSettings;
import io.flinkharness.env.Environments;
import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.SqlCase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flink-sql-harness run [PATH...]}: loads every case first (a case or file that does not load is reported,
 * the others still run), starts one environment, runs the selected cases (one after another, or
 * {@code --parallelism} at a time) with one {@link CaseRunner}, closes the environment, and writes the reports
 * asked for ({@link ReportFiles}: {@code --junit-xml}, {@code --html}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs YAML case files against Kafka + Flink + SQL Gateway (embedded in this JVM by default).",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {ExitCodes.HELP_0, ExitCodes.HELP_1,
                ExitCodes.HELP_2, ExitCodes.HELP_3, ExitCodes.HELP_ORDER})
final class RunCommand implements Callable<Integer> {
    static final Path DEFAULT_PATH = Path.of("samples", "cases");
    static final List<String> ENVIRONMENTS = Environments.NAMES;

    private final EnvironmentStarter environments;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Case files, directories searched for *.yaml and"
            + " *.yml files, or globs such as 'cases/**/orders-*.yaml' (default: samples/cases).")
    private List<String> paths = new ArrayList<>();

    @Option(names = "--name", paramLabel = "PATTERN", description = "Run only cases whose name contains PATTERN"
            + " (case-insensitive; * and ? are wildcards). Repeat for several.")
    private List<String> names = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG", description = "Run only cases tagged TAG (tags: [smoke] in the"
            + " case). Repeat for several: a case needs one of them.")
    private List<String> tags = new ArrayList<>();

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "1",
            description = "Cases run at once, each with its own topics and gateway session (default: ${DEFAULT-VALUE}).")
    private int parallelism;

    @Option(names = "--fail-fast", description = "Start no further case after the first that fails; the rest are"
            + " reported as not run. Off by default: every case runs.")
    private boolean failFast;

    @Option(names = "--env", paramLabel = "NAME", completionCandidates = EnvironmentNames.class,
            description = "The environment: ${COMPLETION-CANDIDATES}. Default: the system property"
                    + " flinkharness.environment, else the variable FLINK_HARNESS_ENVIRONMENT, else embedded.")
    private String environment;

    @Option(names = "--env-setting", paramLabel = "KEY=VALUE", description = "A setting of the environment, e.g."
            + " remote.bootstrap-servers=kafka:9092 or containers.flink-image=flink:2.2.0-java17; ahead of"
            + " -Dflinkharness.KEY and FLINK_HARNESS_KEY. Repeat for several. The settings are listed in the README.")
    private java.util.Map<String, String> environmentSettings = new java.util.LinkedHashMap<>();

    @Mixin
    private ReportFiles reportFiles = new ReportFiles();

    /** What the current call did, for the reports. */
    private RunRecorder recorder;

    RunCommand(EnvironmentStarter environments) {
        this.environments = environments;
    }

    /** The known environments, for {@code --help}. */
    static final class EnvironmentNames extends ArrayList<String> {
        EnvironmentNames() {
            super(ENVIRONMENTS);
        }
    }

    @Override
    public Integer call() {
        recorder = new RunRecorder(Clock.systemUTC());
        String usageError = usageError();
        List<Path> roots;
        try {
            if (usageError != null) {
                throw new IllegalArgumentException(usageError);
            }
            roots = CasePaths.expand(paths.isEmpty() ? List.of(DEFAULT_PATH.toString()) : paths);
        } catch (IllegalArgumentException e) {
            err().println(e.getMessage() + (paths.isEmpty() ? " — run from the project directory, or pass case"
                    + " files or directories" : ""));
            return ExitCodes.BAD_INPUT;
        }
        List<LoadedCase> loaded = new ArrayList<>();
        roots.forEach(root -> loaded.addAll(CaseFiles.loadAll(root)));
        if (loaded.isEmpty()) {
            err().println("no case files (*.yaml, *.yml) found in " + roots.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")) + " — pass case files, or directories that hold them");
            return ExitCodes.BAD_INPUT;
        }
        Report report = new Report(spec.commandLine().getOut(), Help.Ansi.AUTO.enabled());
        CaseSelection selection = new CaseSelection(names, tags);
        List<LoadedCase> chosen = loaded.stream().filter(l -> l.sqlCase().map(selection::selects).orElse(true))
                .toList();
        recorder.loaded(chosen);
        chosen.stream().filter(l -> !l.isLoaded()).forEach(l -> report.notLoaded(l.error().orElseThrow()));
        List<SqlCase> cases = chosen.stream().flatMap(l -> l.sqlCase().stream()).toList();
        if (cases.isEmpty() && !selection.selectsAll()) {
            err().println("no case matches " + selection + " among the " + loaded.size() + " cases found");
            return ExitCodes.BAD_INPUT;
        }
        boolean environmentFailed = !runAll(cases, report);
        boolean reportsWritten = reportFiles.write(recorder.report(Path.of("")), spec.commandLine().getOut(), err());
        report.summary();
        if (environmentFailed) {
            return ExitCodes.ENVIRONMENT;
        }
        if (report.notLoadedCount() > 0 || !reportsWritten) {
            return ExitCodes.BAD_INPUT;
        }
        return report.allPassed() ? ExitCodes.PASSED : ExitCodes.FAILED;
    }

    private String usageError() {
        if (parallelism < 1) {
            return "--parallelism must be at least 1, got " + parallelism;
        }
        if (!ENVIRONMENTS.contains(Environments.normalized(environmentName()))) {
            return "unknown environment '" + environmentName() + "' (" + (environment != null ? "--env"
                    : "system property flinkharness.environment or variable FLINK_HARNESS_ENVIRONMENT")
                    + ") — known environments: " + ENVIRONMENTS;
        }
        return null;
    }

    private EnvironmentSettings settings() {
        EnvironmentSettings settings = EnvironmentSettings.fromSystem();
        for (java.util.Map.Entry<String, String> e : environmentSettings.entrySet()) {
            settings = settings.with(e.getKey(), e.getValue());
        }
        return settings;
    }

    /** --env, else the system property or variable, else embedded. */
    private String environmentName() {
        return environment != null ? environment
                : EnvironmentSettings.fromSystem().get("environment").orElse(Environments.EMBEDDED);
    }

    /** Runs the cases; false if the environment did not start. */
    private boolean runAll(List<SqlCase> cases, Report report) {
        if (cases.isEmpty()) {
            return true;
        }
        long start = System.nanoTime();
        FlinkKafkaEnvironment started;
        try {
            started = environments.start(Environments.normalized(environmentName()), settings());
        } catch (RuntimeException e) {
            report.environmentFailed(e, cases);
            recorder.notRun(cases, e);
            return false;
        }
        try (FlinkKafkaEnvironment env = started; CaseRunner runner = CaseRunner.on(env)) {
            report.environmentStarted(start);
            runCases(cases, runner, report);
        }
        return true;
    }

    private void runCases(List<SqlCase> cases, CaseRunner runner, Report report) {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, cases.size()), r -> {
            Thread thread = new Thread(r, "flink-sql-harness-case");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (SqlCase c : cases) {
                running.add(pool.submit(() -> {
                    if (stop.get()) {
                        report.notRun(c, "--fail-fast: an earlier case failed");
                        recorder.notRun(List.of(c), new IllegalStateException("not run: --fail-fast, an earlier"
                                + " case failed"));
                        return;
                    }
                    CaseResult result = runner.run(c);
                    report.result(result);
                    recorder.ran(c, result);
                    if (failFast && !result.passed()) {
                        stop.set(true);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("running a case failed unexpectedly: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
