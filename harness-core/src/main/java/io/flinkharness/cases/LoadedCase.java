package io.flinkharness.cases;

import io.flinkharness.run.SqlCase;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of loading one case file: either the case or the reason it could not be loaded, so that one bad
 * file does not stop the others.
 *
 * <pre>{@code
 * for (LoadedCase loaded : CaseFiles.loadAll(Path.of("cases"))) {
 *     loaded.sqlCase().ifPresentOrElse(runner::run,
 *             () -> System.err.println(loaded.error().orElseThrow().getMessage()));
 * }
 * }</pre>
 */
public record LoadedCase(Path file, Optional<SqlCase> sqlCase, Optional<CaseFileException> error) {

    public LoadedCase {
        Objects.requireNonNull(file, "file cannot be null");
        Objects.requireNonNull(sqlCase, "sqlCase cannot be null; use Optional.empty()");
        Objects.requireNonNull(error, "error cannot be null; use Optional.empty()");
        if (sqlCase.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a loaded case has either a case or an error, not "
                    + (sqlCase.isPresent() ? "both" : "neither"));
        }
    }

    public static LoadedCase loaded(Path file, SqlCase sqlCase) {
        return new LoadedCase(file, Optional.of(sqlCase), Optional.empty());
    }

    public static LoadedCase failed(CaseFileException error) {
        return new LoadedCase(error.file(), Optional.empty(), Optional.of(error));
    }

    public boolean isLoaded() {
        return sqlCase.isPresent();
    }
}
