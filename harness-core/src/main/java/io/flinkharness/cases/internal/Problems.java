package io.flinkharness.cases.internal;

import com.fasterxml.jackson.core.JsonLocation;
import io.flinkharness.cases.CaseFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Makes {@link CaseFileException}s that point at a field of one file. Paths are relative to the part of the file
 * being read (a case of a file with several); {@link #scoped} maps them to the path in the file. Not part of the
 * public API.
 */
final class Problems {
    private final Path file;
    private final YamlIndex index;
    private final UnaryOperator<String> scope;

    Problems(Path file, YamlIndex index) {
        this(file, index, UnaryOperator.identity());
    }

    private Problems(Path file, YamlIndex index, UnaryOperator<String> scope) {
        this.file = file;
        this.index = index;
        this.scope = scope;
    }

    /** Problems of a part of the file: {@code scope} maps a path within it to the path in the file. */
    Problems scoped(UnaryOperator<String> pathInFile) {
        return new Problems(file, index, pathInFile);
    }

    /** Problems of the value at {@code path} of the part being read: its paths are relative to that value. */
    Problems nested(String path) {
        return new Problems(file, index, p -> scope.apply(p.isEmpty() ? path : FieldPath.field(path, p)));
    }

    /** The path in the file of a path within the part being read. */
    String inFile(String path) {
        return scope.apply(path);
    }

    /** Where the value at {@code path} (or its nearest present ancestor) starts; null if nowhere. */
    JsonLocation valueLocation(String path) {
        return index.valueLocation(inFile(path));
    }

    /** Whether the part being read has a value at {@code path}. */
    boolean has(String path) {
        return index.has(inFile(path));
    }

    /** The value at {@code path} as a phrase, see {@link YamlIndex#describe}. */
    String describe(String path) {
        return index.describe(inFile(path));
    }

    Path file() {
        return file;
    }

    YamlIndex index() {
        return index;
    }

    /** A problem with the value at {@code path} (or, if it is missing, with the mapping that lacks it). */
    CaseFileException atValue(String path, String problem, String fix) {
        return at(valueLocation(path), path, problem, fix, null);
    }

    CaseFileException atValue(String path, String problem, String fix, Throwable cause) {
        return at(valueLocation(path), path, problem, fix, cause);
    }

    /** A problem with the key of {@code path}, e.g. a misspelt field name. */
    CaseFileException atKey(String path, String problem, String fix, Throwable cause) {
        return at(index.keyLocation(inFile(path)), path, problem, fix, cause);
    }

    CaseFileException at(JsonLocation location, String path, String problem, String fix, Throwable cause) {
        int line = location == null ? 1 : Math.max(1, location.getLineNr());
        int column = location == null ? 1 : Math.max(1, location.getColumnNr());
        return new CaseFileException(file, line, column, inFile(path), problem, fix, cause);
    }
}
