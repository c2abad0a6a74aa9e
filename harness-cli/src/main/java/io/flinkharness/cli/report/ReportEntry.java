package io.flinkharness.cli.report;

import io.flinkharness.cases.CaseFileException;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.SqlCase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a {@link RunReport}: a case that ran, a case file that did not load, or a case that could not run
 * because the environment did not start.
 *
 * <pre>{@code
 * ReportEntry entry = new ReportEntry.Ran(Path.of("cases/clicks.yaml"), sqlCase, runner.run(sqlCase), started);
 * }</pre>
 */
public sealed interface ReportEntry {

    /** How an entry ended; NOT_LOADED and NOT_RUN are errors to a CI system. */
    enum Outcome { PASSED, FAILED, ERROR, NOT_LOADED, NOT_RUN }

    /** The case file the entry comes from. */
    Path file();

    /** The case's name, or for a file that did not load the file's name. */
    String name();

    Outcome outcome();

    /** The text to show for an entry that did not pass: the diff, the error, the load problem; empty if passed. */
    String message();

    Duration elapsed();

    /** When the case started (for a file that did not load, when the run started). */
    Instant started();

    /** The case, unless its file did not load. */
    Optional<SqlCase> sqlCase();

    /** A case that ran to a result. */
    record Ran(Path file, SqlCase definition, CaseResult result, Instant started) implements ReportEntry {
        public Ran {
            Objects.requireNonNull(file, "file cannot be null");
            Objects.requireNonNull(definition, "definition cannot be null");
            Objects.requireNonNull(result, "result cannot be null");
            Objects.requireNonNull(started, "started cannot be null");
        }

        @Override
        public String name() {
            return result.name();
        }

        @Override
        public Outcome outcome() {
            return switch (result.status()) {
                case PASSED -> Outcome.PASSED;
                case FAILED -> Outcome.FAILED;
                case ERROR -> Outcome.ERROR;
            };
        }

        @Override
        public String message() {
            return result.message();
        }

        @Override
        public Duration elapsed() {
            return result.elapsed();
        }

        @Override
        public Optional<SqlCase> sqlCase() {
            return Optional.of(definition);
        }
    }

    /** A case file that could not be turned into a case. */
    record NotLoaded(CaseFileException error, Instant started) implements ReportEntry {
        public NotLoaded {
            Objects.requireNonNull(error, "error cannot be null");
            Objects.requireNonNull(started, "started cannot be null");
        }

        @Override
        public Path file() {
            return error.file();
        }

        @Override
        public String name() {
            return String.valueOf(error.file().getFileName());
        }

        @Override
        public Outcome outcome() {
            return Outcome.NOT_LOADED;
        }

        @Override
        public String message() {
            return error.getMessage();
        }

        @Override
        public Duration elapsed() {
            return Duration.ZERO;
        }

        @Override
        public Optional<SqlCase> sqlCase() {
            return Optional.empty();
        }
    }

    /** A loaded case that did not run: the environment it needed did not start. */
    record NotRun(Path file, SqlCase definition, RuntimeException cause, Instant started) implements ReportEntry {
        public NotRun {
            Objects.requireNonNull(file, "file cannot be null");
            Objects.requireNonNull(definition, "definition cannot be null");
            Objects.requireNonNull(cause, "cause cannot be null");
            Objects.requireNonNull(started, "started cannot be null");
        }

        @Override
        public String name() {
            return definition.name();
        }

        @Override
        public Outcome outcome() {
            return Outcome.NOT_RUN;
        }

        @Override
        public String message() {
            return "not run: the environment did not start: " + cause.getMessage();
        }

        @Override
        public Duration elapsed() {
            return Duration.ZERO;
        }

        @Override
        public Optional<SqlCase> sqlCase() {
            return Optional.of(definition);
        }
    }
}
