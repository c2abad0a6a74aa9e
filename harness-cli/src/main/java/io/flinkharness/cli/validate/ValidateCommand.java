package io.flinkharness.cli.validate;

import io.flinkharness.cases.CaseFileException;
import io.flinkharness.cases.CaseFiles;
import io.flinkharness.cases.LoadedCase;
import io.flinkharness.cli.CasePaths;
import io.flinkharness.cli.CommandException;
import io.flinkharness.cli.ExitCodes;
import io.flinkharness.run.SqlCase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flink-sql-harness validate [PATH...]}: checks case files without starting Kafka or Flink. Every case of
 * every file is loaded (YAML, fields, generators) and its SQL checked offline by {@link SqlCheck}; each file is
 * reported on its own, so one bad file never hides the problems of the others.
 *
 * <pre>
 * $ flink-sql-harness validate samples/cases
 * OK  samples/cases/dedup.yaml (1 case)
 * FAIL  samples/cases/wrong.yaml
 *       samples/cases/wrong.yaml:36:10: dml statement 1: Column 'usr' not found in any table
 * </pre>
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks case files without starting Kafka or Flink: the YAML (fields, types, generators)"
                + " and the SQL. The SQL is checked offline by Flink's own planner: the DDL is executed (CREATE TABLE"
                + " only registers a table) and every DML statement and validation query is planned (explainSql)"
                + " with placeholders replaced by stand-ins, so unknown tables and columns, type errors, syntax errors"
                + " and bad connector options are reported with the file, statement and line. Nothing connects to"
                + " Kafka."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every case file is valid", "2:bad input: a case file that is invalid, a path that names"
                + " nothing, bad usage", "3:Flink's planner could not be started for the SQL check"})
public final class ValidateCommand implements Callable<Integer> {
    private static final String DEFAULT_PATH = "samples/cases";

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Case files, directories searched for *.yaml and *.yml files, or globs such as"
                    + " 'cases/**/*.yaml' (default: " + DEFAULT_PATH + ").")
    private List<String> paths = new ArrayList<>();

    @Option(names = "--no-sql", description = "Only load the case files; skip the SQL check.")
    private boolean noSql;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        List<String> roots = paths.isEmpty() ? List.of(DEFAULT_PATH) : paths;
        CasePaths.Expansion expansion = CasePaths.caseFiles(roots);
        expansion.problems().forEach(spec.commandLine().getErr()::println);
        if (expansion.files().isEmpty()) {
            if (expansion.problems().isEmpty()) {
                spec.commandLine().getErr().println("no case files (*.yaml, *.yml) found in " + String.join(", ", roots)
                        + " — pass case files, or directories that hold them");
            }
            return ExitCodes.BAD_INPUT;
        }
        ValidationReport report = new ValidationReport(spec.commandLine().getOut());
        try {
            SqlCheck sql = new SqlCheck();
            expansion.files().forEach(file -> validate(file, sql, report));
        } catch (CommandException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.exitCode();
        }
        report.summary(Duration.ofNanos(System.nanoTime() - start));
        return report.allValid() && expansion.problems().isEmpty() ? ExitCodes.PASSED : ExitCodes.BAD_INPUT;
    }

    private void validate(Path file, SqlCheck sql, ValidationReport report) {
        List<LoadedCase> loaded = CaseFiles.loadAll(file);
        List<CaseFileException> notLoaded = loaded.stream().flatMap(l -> l.error().stream()).toList();
        Map<SqlProblem, List<String>> problems = new LinkedHashMap<>();
        if (!noSql) {
            for (SqlCase c : loaded.stream().flatMap(l -> l.sqlCase().stream()).toList()) {
                sql.check(c).forEach(p -> problems.computeIfAbsent(p, k -> new ArrayList<>()).add(c.name()));
            }
        }
        report.file(file, loaded.size(), notLoaded, problems);
    }
}
