package io.flinkharness.env.internal;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;

/**
 * Which classes a job's jars (ADD JAR) may bring themselves. Flink loads everything under {@code org.apache.flink.}
 * from its own classpath first; the harness keeps that for every Flink package except the Avro formats, because
 * the {@code avro-confluent} format jar carries its own build of {@code org.apache.flink.formats.avro} compiled
 * against a shaded Avro: mixed with the harness's {@code flink-avro} (plain Avro) it fails with
 * {@code NoSuchMethodError} on {@code AvroSchemaConverter.convertToSchema}. Sessions without that jar still find
 * the Avro format on the harness's classpath.
 */
public final class UserCodeClassLoading {
    private static final String FLINK = "org.apache.flink.";
    private static final List<String> FLINK_PACKAGES = List.of("annotation", "api", "cep", "client", "configuration",
            "connector", "connectors", "core", "datastream", "events", "legacy", "management", "metrics", "model",
            "python", "queryablestate", "runtime", "shaded", "state", "streaming", "table", "traces", "types",
            "util", "kafka", "formats.json", "formats.common", "formats.raw", "formats.csv");

    private UserCodeClassLoading() {
    }

    /** Sets the parent-first patterns on a cluster or session configuration. */
    public static void configure(Configuration conf) {
        conf.set(CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS, parentFirstPatterns());
    }

    static List<String> parentFirstPatterns() {
        List<String> patterns = new ArrayList<>();
        for (String pattern : CoreOptions.ALWAYS_PARENT_FIRST_LOADER_PATTERNS.defaultValue()) {
            if (pattern.equals(FLINK)) {
                FLINK_PACKAGES.forEach(p -> patterns.add(FLINK + p + "."));
            } else {
                patterns.add(pattern);
            }
        }
        return patterns;
    }
}
