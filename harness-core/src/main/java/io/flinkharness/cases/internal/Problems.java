package io.flinkharness.cases.internal;

import com.fasterxml.jackson.core.JsonLocation;
import io.flinkharness.cases.CaseFileException;
import java.nio.file.Path;

/** Makes {@link CaseFileException}s that point at a field of one file. Not part of the public API. */
final class Problems {
    private final Path file;
    private final YamlIndex index;

    Problems(Path file, YamlIndex index) {
        this.file = file;
        this.index = index;
    }

    Path file() {
        return file;
    }

    YamlIndex index() {
        return index;
    }

    /** A problem with the value at {@code path} (or, if it is missing, with the mapping that lacks it). */
    CaseFileException atValue(String path, String problem, String fix) {
        return at(index.valueLocation(path), path, problem, fix, null);
    }

    CaseFileException atValue(String path, String problem, String fix, Throwable cause) {
        return at(index.valueLocation(path), path, problem, fix, cause);
    }

    /** A problem with the key of {@code path}, e.g. a misspelt field name. */
    CaseFileException atKey(String path, String problem, String fix, Throwable cause) {
        return at(index.keyLocation(path), path, problem, fix, cause);
    }

    CaseFileException at(JsonLocation location, String path, String problem, String fix, Throwable cause) {
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int column = location == null ? 1 : Math.max(1, location.getColumnNr());
        return new CaseFileException(file, line, column, path, problem, fix, cause);
    }
}
