package io.flinkharness.env;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Settings of an environment, by key ({@code remote.bootstrap-servers}), from where the user gave them: values set
 * in code or on the command line first, then system properties ({@code -Dflinkharness.remote.bootstrap-servers=...}),
 * then environment variables ({@code FLINK_HARNESS_REMOTE_BOOTSTRAP_SERVERS}). Immutable.
 *
 * <pre>{@code
 * FlinkKafkaEnvironment env = Environments.start("remote", EnvironmentSettings.fromSystem()
 *         .with("remote.sql-gateway", "http://gateway:8083"));
 * }</pre>
 */
public final class EnvironmentSettings {
    static final String PROPERTY_PREFIX = "flinkharness.";
    static final String VARIABLE_PREFIX = "FLINK_HARNESS_";

    private final Map<String, String> given;
    private final Map<String, String> systemProperties;
    private final Map<String, String> variables;

    private EnvironmentSettings(Map<String, String> given, Map<String, String> systemProperties,
                                Map<String, String> variables) {
        this.given = Map.copyOf(given);
        this.systemProperties = Map.copyOf(systemProperties);
        this.variables = Map.copyOf(variables);
    }

    /** Only these values; nothing from the system. */
    public static EnvironmentSettings of(Map<String, String> values) {
        return new EnvironmentSettings(values, Map.of(), Map.of());
    }

    /** This JVM's {@code flinkharness.*} system properties and {@code FLINK_HARNESS_*} environment variables. */
    public static EnvironmentSettings fromSystem() {
        Map<String, String> properties = new LinkedHashMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        return from(properties, System.getenv());
    }

    /** Settings from the given system properties and environment variables (for tests). */
    public static EnvironmentSettings from(Map<String, String> systemProperties, Map<String, String> variables) {
        Map<String, String> properties = new LinkedHashMap<>();
        systemProperties.forEach((k, v) -> {
            if (k.startsWith(PROPERTY_PREFIX)) {
                properties.put(k, v);
            }
        });
        Map<String, String> vars = new LinkedHashMap<>();
        variables.forEach((k, v) -> {
            if (k.startsWith(VARIABLE_PREFIX)) {
                vars.put(k, v);
            }
        });
        return new EnvironmentSettings(Map.of(), properties, vars);
    }

    /** The same settings with {@code key} set, ahead of system properties and variables. */
    public EnvironmentSettings with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(given);
        copy.put(key, value);
        return new EnvironmentSettings(copy, systemProperties, variables);
    }

    /** The value of a setting, if given anywhere; blank values count as not given. */
    public Optional<String> get(String key) {
        String value = given.get(key);
        if (value == null || value.isBlank()) {
            value = systemProperties.get(PROPERTY_PREFIX + key);
        }
        if (value == null || value.isBlank()) {
            value = variables.get(variableName(key));
        }
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    /**
     * The value of a required setting.
     *
     * @throws IllegalArgumentException naming every way to give it
     */
    public String require(String key, String what) {
        return get(key).orElseThrow(() -> new IllegalArgumentException("missing setting " + key + " (" + what
                + ") — give it as " + ways(key)));
    }

    /** Every setting whose key starts with {@code prefix}, by the rest of its key (given values and properties). */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        systemProperties.forEach((k, v) -> {
            if (k.startsWith(PROPERTY_PREFIX + prefix)) {
                out.put(k.substring(PROPERTY_PREFIX.length() + prefix.length()), v);
            }
        });
        given.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** How a user can give a setting, for messages. */
    public static String ways(String key) {
        return "-D" + PROPERTY_PREFIX + key + "=..., the environment variable " + variableName(key)
                + ", or --env-setting " + key + "=... on the command line";
    }

    static String variableName(String key) {
        return VARIABLE_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
