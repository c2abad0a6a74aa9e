package io.flinkharness.cli;

import io.flinkharness.env.FlinkKafkaEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;

/** One run of the command with captured output. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(Supplier<? extends FlinkKafkaEnvironment> environments, String... args) {
        return of((name, settings) -> environments.get(), args);
    }

    /** A run whose environment is started by name, e.g. with {@code Environments::start}. */
    static CliRun of(EnvironmentStarter environments, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HarnessCli.commandLine(environments);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    /** For assertion descriptions: everything the command printed. */
    String transcript() {
        return "exit code " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
