package io.flinkharness.cli;

/**
 * The exit codes of every command, documented in {@code --help}:
 *
 * <pre>{@code
 * return report.allValid() ? ExitCodes.PASSED : ExitCodes.BAD_INPUT;
 * }</pre>
 */
public final class ExitCodes {
    /** Everything passed (or was valid). */
    public static final int PASSED = 0;
    /** A case failed or errored. */
    public static final int FAILED = 1;
    /** Bad input: usage, a case file or case that did not load, a report that could not be written. */
    public static final int BAD_INPUT = 2;
    /** The environment (Kafka, Flink) could not start. */
    public static final int ENVIRONMENT = 3;

    /** For {@code exitCodeList} in {@code @Command}s (annotation values must be constants). */
    public static final String HELP_0 = "0:every case passed";
    public static final String HELP_1 = "1:a case failed or errored";
    public static final String HELP_2 = "2:bad input: bad usage, no case file found, a case file or case that did not"
            + " load, or a report (--junit-xml, --html) that could not be written";
    public static final String HELP_3 = "3:the environment (Kafka, Flink) could not start";
    public static final String HELP_ORDER = " :when several apply, the highest wins";

    private ExitCodes() {
    }
}
