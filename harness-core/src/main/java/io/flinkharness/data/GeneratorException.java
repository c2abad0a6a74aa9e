package io.flinkharness.data;

import java.util.List;

/**
 * The generator's settings cannot produce the data asked for: a rule for a field that does not exist, a rule the
 * field's type cannot take, an impossible constraint. Thrown before any record is generated or produced; the
 * message names the field and the rule and says how to fix it, one line per problem.
 */
public final class GeneratorException extends IllegalArgumentException {
    private final List<String> problems;

    public GeneratorException(String schemaDescription, List<String> problems) {
        super(render(schemaDescription, problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String render(String schema, List<String> problems) {
        if (problems.size() == 1) {
            return "cannot generate records for " + schema + ": " + problems.get(0);
        }
        StringBuilder out = new StringBuilder("cannot generate records for " + schema + ": " + problems.size()
                + " problems");
        problems.forEach(p -> out.append(System.lineSeparator()).append("  - ").append(p));
        return out.toString();
    }
}
