package io.flinkharness.cli.init;

import io.flinkharness.cli.CommandException;
import io.flinkharness.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flink-sql-harness init --ddl FILE.sql}: scaffolds a case file from the CREATE TABLE statements of a
 * pipeline. The file loads and its SQL plans as it is (see {@link DmlSkeleton} for the one exception); its TODOs
 * mark the query under test and the expected rows, and are listed with their lines.
 *
 * <pre>
 * $ flink-sql-harness init --ddl clicks.sql --output clicks.yaml
 * wrote clicks.yaml: topics clicks, counts; generated input for clicks; dml INSERT INTO counts ... FROM clicks
 * clicks.yaml:44: TODO: the rows the query writes, ...
 * </pre>
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Scaffolds a case file from the CREATE TABLE statements of a DDL file: a topic per table with"
                + " a 'topic' option (named by $${topic.NAME}, on $${bootstrap.servers}), bounded-mode options for the"
                + " sources and exactly-once options for the sink, a generate: section per source (a rule per field,"
                + " from its type; event time from the watermark), an INSERT INTO the sink as DML skeleton and an"
                + " expect: skeleton. TODOs in the file mark what to write. Never overwrites a file without --force."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the case file was written",
                "2:bad input or usage (a missing or invalid file, a wrong option)"})
public final class InitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--ddl", paramLabel = "FILE.sql", required = true,
            description = "The SQL file with the tables' CREATE TABLE statements.")
    private Path ddl;

    @Option(names = "--table", paramLabel = "NAME", arity = "1..*",
            description = "The tables of the case (default: every table with a 'topic' option).")
    private List<String> tables = new ArrayList<>();

    @Option(names = "--sink", paramLabel = "NAME",
            description = "The table the DML writes (default: the last table without a watermark).")
    private String sink;

    @Option(names = {"-o", "--output"}, paramLabel = "case.yaml",
            description = "The case file to write, or - for standard output (default: the DDL file's name with"
                    + " .yaml, in the current directory).")
    private String output;

    @Option(names = "--name", paramLabel = "NAME", description = "The case's name (default: the DDL file's name).")
    private String name;

    @Option(names = "--force", description = "Overwrite the output file if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        try {
            String target = output != null ? output : baseName() + ".yaml";
            checkOutput(target);
            DdlFile file = DdlFile.read(ddl);
            TableRoles roles = TableRoles.of(file, tables, Optional.ofNullable(sink));
            String yaml = CaseScaffold.yaml(name != null ? name : baseName(), file, roles, tables);
            write(target, yaml);
            report(target, roles, yaml);
            return ExitCodes.PASSED;
        } catch (CommandException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return e.exitCode();
        }
    }

    private String baseName() {
        String file = ddl.getFileName().toString();
        return file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
    }

    private void checkOutput(String target) {
        if (!target.equals("-") && !force && Files.exists(Path.of(target))) {
            throw exists(target, null);
        }
    }

    private static CommandException exists(String target, Exception cause) {
        return new CommandException(ExitCodes.BAD_INPUT, target + " exists — give --force to overwrite it, or another"
                + " --output", cause);
    }

    private void write(String target, String yaml) {
        if (target.equals("-")) {
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
            return;
        }
        OpenOption[] options = force ? new OpenOption[0] : new OpenOption[] {StandardOpenOption.CREATE_NEW};
        try {
            Files.writeString(Path.of(target), yaml, options);
        } catch (FileAlreadyExistsException e) {
            throw exists(target, e);
        } catch (IOException e) {
            throw new CommandException(ExitCodes.BAD_INPUT, "cannot write " + target + ": " + e, e);
        }
    }

    /** What was written, and where the TODOs are (on standard error when the case went to standard output). */
    private void report(String target, TableRoles roles, String yaml) {
        boolean stdout = target.equals("-");
        var out = stdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        String where = stdout ? "<stdout>" : target;
        List<String> topics = new ArrayList<>(roles.sources().stream().map(DdlTable::topic).toList());
        topics.add(roles.sink().topic());
        out.println("wrote " + where + ": topics " + String.join(", ", topics) + "; generated input for "
                + String.join(", ", roles.sources().stream().map(DdlTable::topic).toList()) + "; dml INSERT INTO "
                + roles.sink().name() + " ... FROM " + roles.sources().get(0).name());
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("TODO")) {
                out.println(where + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
        if (!stdout) {
            out.println("next: flink-sql-harness validate " + target);
        }
        out.flush();
    }
}
