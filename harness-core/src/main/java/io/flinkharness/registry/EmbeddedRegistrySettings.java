package io.flinkharness.registry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable settings of an {@link EmbeddedSchemaRegistry}.
 *
 * <pre>{@code
 * EmbeddedRegistrySettings settings = EmbeddedRegistrySettings.defaults().withStartTimeout(Duration.ofSeconds(90));
 * }</pre>
 *
 * @param distribution Apicurio Registry's distribution zip; empty finds it through system property
 *     {@code flinkharness.apicurio.zip}, else in the local Maven repository
 * @param cacheDirectory where the distribution is unzipped (once, then reused) and where each registry keeps
 *     its log while it runs
 * @param startTimeout how long the registry may take to answer
 * @param classDataSharing whether the registry JVM maps an AppCDS archive of its classes, kept in the cache
 *     directory (recorded by the first registry that finds none, when it is closed): later starts take about
 *     half as long
 */
public record EmbeddedRegistrySettings(Optional<Path> distribution, Path cacheDirectory, Duration startTimeout,
                                       boolean classDataSharing) {

    public EmbeddedRegistrySettings {
        Objects.requireNonNull(distribution, "distribution cannot be null; use Optional.empty()");
        Objects.requireNonNull(cacheDirectory, "cacheDirectory cannot be null");
        Objects.requireNonNull(startTimeout, "startTimeout cannot be null");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive, got " + startTimeout);
        }
        cacheDirectory = cacheDirectory.toAbsolutePath();
    }

    /**
     * The distribution found by system property or in the local Maven repository; cache directory from system
     * property {@code flinkharness.cache.dir}, else {@code ~/.cache/flink-sql-harness}; 60 s to start; class-data
     * sharing on.
     */
    public static EmbeddedRegistrySettings defaults() {
        String configured = System.getProperty("flinkharness.cache.dir", "").strip();
        Path cache = configured.isEmpty()
                ? Path.of(System.getProperty("user.home"), ".cache", "flink-sql-harness")
                : Path.of(configured);
        return new EmbeddedRegistrySettings(Optional.empty(), cache, Duration.ofSeconds(60), true);
    }

    /** Uses this distribution zip ({@code io.apicurio:apicurio-registry-app:VERSION:zip:all}). */
    public EmbeddedRegistrySettings withDistribution(Path zip) {
        return new EmbeddedRegistrySettings(Optional.of(Objects.requireNonNull(zip, "zip cannot be null")),
                cacheDirectory, startTimeout, classDataSharing);
    }

    public EmbeddedRegistrySettings withCacheDirectory(Path directory) {
        return new EmbeddedRegistrySettings(distribution, directory, startTimeout, classDataSharing);
    }

    public EmbeddedRegistrySettings withStartTimeout(Duration timeout) {
        return new EmbeddedRegistrySettings(distribution, cacheDirectory, timeout, classDataSharing);
    }

    /** Turns the registry JVM's class-data archive on or off (on by default). */
    public EmbeddedRegistrySettings withClassDataSharing(boolean on) {
        return new EmbeddedRegistrySettings(distribution, cacheDirectory, startTimeout, on);
    }
}
