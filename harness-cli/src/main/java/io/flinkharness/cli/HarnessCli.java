package io.flinkharness.cli;

import io.flinkharness.cli.generate.GenerateCommand;
import io.flinkharness.cli.init.InitCommand;
import io.flinkharness.cli.validate.ValidateCommand;
import io.flinkharness.env.Environments;
import io.flinkharness.env.FlinkKafkaEnvironment;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code flink-sql-harness} command. Its subcommand {@code run} runs YAML case files against an embedded
 * Kafka + Flink + SQL Gateway:
 *
 * <pre>
 * flink-sql-harness run samples/cases
 * PASS  dedup orders: first event per order_id  (0.91 s)
 * PASS  clicks per user and 5-second window  (1.02 s)
 * 2 passed, 0 failed
 * </pre>
 *
 * <p>For tests, build the command with {@link #commandLine(Supplier)} and give it a {@code PrintWriter} through
 * {@link CommandLine#setOut} and {@link CommandLine#setErr}.
 */
@Command(name = "flink-sql-harness", mixinStandardHelpOptions = true, version = "flink-sql-harness 0.1.0-SNAPSHOT",
        description = "Runs Flink SQL test cases against a real Kafka broker and a real Flink cluster.",
        subcommands = CommandLine.HelpCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.HELP_0, ExitCodes.HELP_1, ExitCodes.HELP_2, ExitCodes.HELP_3,
                ExitCodes.HELP_ORDER})
public final class HarnessCli implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine(Environments::start).execute(args));
    }

    /** The command with its subcommands, running cases on the one environment {@code environments} starts. */
    public static CommandLine commandLine(Supplier<? extends FlinkKafkaEnvironment> environments) {
        return commandLine((name, settings) -> environments.get());
    }

    /** The command with its subcommands; {@code environments} starts the environment {@code --env} names. */
    public static CommandLine commandLine(EnvironmentStarter environments) {
        return new CommandLine(new HarnessCli()).addSubcommand(new RunCommand(environments))
                .addSubcommand(new ValidateCommand()).addSubcommand(new GenerateCommand())
                .addSubcommand(new InitCommand());
    }

    /** Without a subcommand there is nothing to do: show the usage. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing subcommand: give one of " + spec.subcommands().keySet());
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }
}
