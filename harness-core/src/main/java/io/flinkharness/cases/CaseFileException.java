package io.flinkharness.cases;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A case file that cannot be turned into a {@link io.flinkharness.run.SqlCase}: bad YAML, an unknown field, a
 * value of the wrong type, or a case that does not add up (an input for an undeclared topic, a partition out of
 * range). The message names the place and the fix, in the form compilers use:
 *
 * <pre>
 * cases/clicks.yaml:14:7: input.clicks[3].partiton: unknown field 'partiton' — did you mean 'partition'? ...
 * </pre>
 *
 * <pre>{@code
 * try {
 *     SqlCase c = CaseFiles.load(Path.of("cases/clicks.yaml"));
 * } catch (CaseFileException e) {
 *     System.err.println(e.getMessage());   // file:line:column: field: problem — fix
 * }
 * }</pre>
 */
public final class CaseFileException extends RuntimeException {
    private final transient Path file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;
    private final String fix;

    /**
     * @param line 1-based; 0 when the problem has no place in the file (it could not be read)
     * @param column 1-based; 0 when unknown
     * @param field the path of the field, e.g. {@code input.clicks[3].timestamp}; empty for the whole file
     * @param fix what to change; may be empty
     */
    public CaseFileException(Path file, int line, int column, String field, String problem, String fix,
                             Throwable cause) {
        super(format(file, line, column, field, problem, fix), cause);
        this.file = Objects.requireNonNull(file, "file cannot be null");
        this.line = line;
        this.column = column;
        this.field = Objects.requireNonNullElse(field, "");
        this.problem = Objects.requireNonNull(problem, "problem cannot be null");
        this.fix = Objects.requireNonNullElse(fix, "");
    }

    private static String format(Path file, int line, int column, String field, String problem, String fix) {
        StringBuilder s = new StringBuilder(String.valueOf(file));
        if (line > 0) {
            s.append(':').append(line).append(':').append(column);
        }
        s.append(": ");
        if (field != null && !field.isEmpty()) {
            s.append(field).append(": ");
        }
        s.append(problem);
        if (fix != null && !fix.isEmpty()) {
            s.append(" — ").append(fix);
        }
        return s.toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the problem, 0 when it has no place in the file. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, 0 when unknown. */
    public int column() {
        return column;
    }

    /** Path of the field at fault, e.g. {@code topics.clicks.partitions}; empty for the file as a whole. */
    public String field() {
        return field;
    }

    /** What is wrong, without place or fix. */
    public String problem() {
        return problem;
    }

    /** What to change; may be empty. */
    public String fix() {
        return fix;
    }
}
