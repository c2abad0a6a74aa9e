package io.flinkharness.registry.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Maven artifact that the harness runs or hands to Flink but never puts on its own classpath. Not part of the
 * public API.
 *
 * @param description what it is, for messages ("Apicurio Registry distribution")
 * @param systemProperty the system property that may give its file directly
 * @param classifier the classifier, or empty for none
 * @param type the file type ({@code jar}, {@code zip})
 */
public record MavenArtifact(String description, String systemProperty, String groupId, String artifactId,
                            String version, String classifier, String type) {

    public MavenArtifact {
        Objects.requireNonNull(description, "description cannot be null");
        Objects.requireNonNull(systemProperty, "systemProperty cannot be null");
        Objects.requireNonNull(groupId, "groupId cannot be null");
        Objects.requireNonNull(artifactId, "artifactId cannot be null");
        Objects.requireNonNull(version, "version cannot be null");
        Objects.requireNonNull(classifier, "classifier cannot be null");
        Objects.requireNonNull(type, "type cannot be null");
    }

    /** As Maven's {@code -Dartifact=} takes it: {@code groupId:artifactId:version[:type[:classifier]]}. */
    public String coordinates() {
        String base = groupId + ":" + artifactId + ":" + version;
        if (classifier.isEmpty()) {
            return type.equals("jar") ? base : base + ":" + type;
        }
        return base + ":" + type + ":" + classifier;
    }

    /** The file name in a Maven repository, e.g. {@code apicurio-registry-app-3.0.9-all.zip}. */
    public String fileName() {
        return artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + "." + type;
    }

    /** Where the artifact lies in the Maven repository {@code repository}. */
    public Path in(Path repository) {
        Path dir = repository;
        for (String part : groupId.split("\\.")) {
            dir = dir.resolve(part);
        }
        return dir.resolve(artifactId).resolve(version).resolve(fileName());
    }
}
