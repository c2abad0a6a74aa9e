package io.flinkharness.junit.internal;

import io.flinkharness.env.Environments;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which environment a test class runs on, and where that was said: the annotation or builder, else the system
 * property, else the environment variable, else the embedded default. Not part of the public API.
 */
public record EnvironmentChoice(String name, String source) {
    public static final String EMBEDDED = Environments.EMBEDDED;
    public static final List<String> KNOWN = Environments.NAMES;

    /**
     * @param declared the annotation's or builder's value, empty for "not said"
     * @param declaredAt where it was declared, for messages, e.g. {@code @FlinkSqlTest on ClicksTest}
     * @throws IllegalArgumentException for an environment the harness does not know
     */
    public static EnvironmentChoice resolve(String declared, String declaredAt, String property, String variable,
                                            Map<String, String> systemProperties, Map<String, String> environment) {
        EnvironmentChoice choice;
        if (!declared.isBlank()) {
            choice = new EnvironmentChoice(declared, declaredAt);
        } else if (!systemProperties.getOrDefault(property, "").isBlank()) {
            choice = new EnvironmentChoice(systemProperties.get(property), "system property " + property);
        } else if (!environment.getOrDefault(variable, "").isBlank()) {
            choice = new EnvironmentChoice(environment.get(variable), "environment variable " + variable);
        } else {
            choice = new EnvironmentChoice(EMBEDDED, "the default");
        }
        String name = choice.name().strip().toLowerCase(Locale.ROOT);
        if (!KNOWN.contains(name)) {
            throw new IllegalArgumentException("unknown environment '" + choice.name() + "' (from " + choice.source()
                    + ") — known environments: " + KNOWN);
        }
        return new EnvironmentChoice(name, choice.source());
    }
}
