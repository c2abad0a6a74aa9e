package io.flinkharness.data;

/**
 * A {@link GeneratorSpec} that cannot become a generator: names the path within the spec
 * ({@code fields.amount.range}), the problem and the fix, so a case file can point at the line.
 */
public final class GeneratorSpecException extends IllegalArgumentException {
    private final String path;
    private final String problem;
    private final String fix;

    public GeneratorSpecException(String path, String problem, String fix) {
        super(path + ": " + problem + (fix.isEmpty() ? "" : " — " + fix));
        this.path = path;
        this.problem = problem;
        this.fix = fix;
    }

    /** Where in the spec, dotted ({@code time.every}, {@code fields.user_id.distinct}). */
    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
