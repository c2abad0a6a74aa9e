package io.flinkharness.registry;

import io.flinkharness.registry.internal.Artifacts;
import java.nio.file.Path;

/**
 * Flink's {@code avro-confluent} format (Avro in the Confluent schema registry wire format, schemas from a
 * registry) as a jar for SQL sessions. It is a fat jar whose Guava, snakeyaml, commons-* and zstd-jni are not
 * relocated, so it never goes on the harness's classpath: give it to the session instead, where Flink loads it
 * in the session's and the jobs' user class loader.
 *
 * <pre>{@code
 * RunnerSettings settings = RunnerSettings.defaults().withSessionJar(AvroConfluentFormat.jar());
 * // CREATE TABLE orders (...) WITH ('connector' = 'kafka', ..., 'format' = 'avro-confluent',
 * //     'avro-confluent.url' = '<registry.url()>', 'scan.bounded.mode' = 'latest-offset')
 * }</pre>
 */
public final class AvroConfluentFormat {
    /** The format's identifier in table options. */
    public static final String IDENTIFIER = "avro-confluent";

    private AvroConfluentFormat() {
    }

    /**
     * The {@code org.apache.flink:flink-sql-avro-confluent-registry} jar of the harness's Flink version: the file
     * named by system property {@code flinkharness.avro-confluent.jar}, else the one in the local Maven repository.
     *
     * @throws IllegalStateException naming where it looked and the command that fetches the jar
     */
    public static Path jar() {
        return Artifacts.locate(Artifacts.avroConfluentFormat());
    }
}
