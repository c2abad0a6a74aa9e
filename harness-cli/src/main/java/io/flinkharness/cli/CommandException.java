package io.flinkharness.cli;

import java.util.Objects;

/**
 * A command cannot go on: the message says why and what to do, the exit code what kind of problem it is
 * ({@link ExitCodes#BAD_INPUT} for bad input, {@link ExitCodes#ENVIRONMENT} for a service that cannot be reached).
 *
 * <pre>{@code
 * throw new CommandException(ExitCodes.BAD_INPUT, file + ": the case has no generate: section — ...");
 * }</pre>
 */
public final class CommandException extends RuntimeException {
    private final int exitCode;

    public CommandException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public CommandException(int exitCode, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message cannot be null"), cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
