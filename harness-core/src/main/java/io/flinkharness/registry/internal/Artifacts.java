package io.flinkharness.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Finds the files of {@link MavenArtifact}s: the path in the artifact's system property if that is set, else the
 * local Maven repository ({@code maven.repo.local}, default {@code ~/.m2/repository}). Never downloads: when the
 * file is missing the error gives the command that fetches it. Not part of the public API.
 */
public final class Artifacts {
    private static final Properties VERSIONS = load("artifacts.properties");

    private Artifacts() {
    }

    /** Apicurio Registry's distribution (a zip with the runner jar and its lib directory). */
    public static MavenArtifact apicurioRegistry() {
        return new MavenArtifact("Apicurio Registry distribution", "flinkharness.apicurio.zip", "io.apicurio",
                "apicurio-registry-app", VERSIONS.getProperty("apicurio-registry.version"), "all", "zip");
    }

    /** Flink's {@code avro-confluent} format with its registry client, as one jar for SQL sessions. */
    public static MavenArtifact avroConfluentFormat() {
        return new MavenArtifact("Flink avro-confluent format jar", "flinkharness.avro-confluent.jar",
                "org.apache.flink", "flink-sql-avro-confluent-registry", VERSIONS.getProperty("flink.version"), "",
                "jar");
    }

    /** Flink's Kafka SQL connector with kafka-clients shaded in, for the {@code lib/} of Flink containers. */
    public static MavenArtifact sqlConnectorKafka() {
        return new MavenArtifact("Flink Kafka SQL connector jar", "flinkharness.sql-connector-kafka.jar",
                "org.apache.flink", "flink-sql-connector-kafka", VERSIONS.getProperty("flink-connector-kafka.version"),
                "", "jar");
    }

    /** Locates the artifact with this JVM's system properties. */
    public static Path locate(MavenArtifact artifact) {
        return locate(artifact, System.getProperties());
    }

    /**
     * Locates the artifact with the given system properties.
     *
     * @throws IllegalStateException naming where it looked and how to fetch the artifact
     */
    public static Path locate(MavenArtifact artifact, Properties properties) {
        String given = properties.getProperty(artifact.systemProperty(), "").strip();
        if (!given.isEmpty()) {
            Path path = Path.of(given).toAbsolutePath();
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(artifact.description() + " not found: system property "
                        + artifact.systemProperty() + " names " + path + ", which is not a file — fix the path, or"
                        + " remove the property to use the local Maven repository");
            }
            return path;
        }
        Path repository = localRepository(properties);
        Path path = artifact.in(repository);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(artifact.description() + " " + artifact.coordinates() + " not found:"
                    + " it is not in the local Maven repository (" + path + ") and system property "
                    + artifact.systemProperty() + " is not set — fetch it with: " + fetchCommand(artifact)
                    + " (or set -D" + artifact.systemProperty() + "=/path/to/" + artifact.fileName() + ")");
        }
        return path;
    }

    /**
     * A command that puts the artifact into the local Maven repository. It is {@code dependency:copy}, not
     * {@code dependency:get}: {@code get} reads the artifact's POM, and Apicurio's parent POM is not on Maven
     * Central.
     */
    public static String fetchCommand(MavenArtifact artifact) {
        return "mvn org.apache.maven.plugins:maven-dependency-plugin:"
                + VERSIONS.getProperty("maven-dependency-plugin.version") + ":copy -Dartifact="
                + artifact.coordinates() + " -DoutputDirectory=" + Path.of(System.getProperty("java.io.tmpdir"),
                "flink-harness-artifacts");
    }

    /** The local Maven repository: {@code maven.repo.local}, else {@code ~/.m2/repository}. */
    public static Path localRepository(Properties properties) {
        String configured = properties.getProperty("maven.repo.local", "").strip();
        return configured.isEmpty()
                ? Path.of(properties.getProperty("user.home"), ".m2", "repository")
                : Path.of(configured);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Artifacts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing next to "
                        + Artifacts.class.getName() + " — the harness-core jar is incomplete; rebuild it");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return properties;
    }
}
