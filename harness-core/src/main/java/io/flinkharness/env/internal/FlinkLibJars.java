package io.flinkharness.env.internal;

import io.flinkharness.registry.internal.Artifacts;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The jars a Flink container needs in {@code /opt/flink/lib} to run the harness's Kafka tables: Flink's Kafka SQL
 * connector ({@code flink-sql-connector-kafka}, located like the other {@link Artifacts}), else the connector's
 * parts as this JVM's classpath has them ({@code flink-connector-kafka}, {@code flink-connector-base},
 * {@code kafka-clients}). Not part of the public API.
 */
public final class FlinkLibJars {
    /** A class of each classpath jar that stands in for the SQL connector jar. */
    static final List<String> CONNECTOR_CLASSES = List.of(
            "org.apache.flink.connector.kafka.source.KafkaSource",
            "org.apache.flink.connector.base.source.reader.SourceReaderBase",
            "org.apache.kafka.clients.producer.KafkaProducer");

    private FlinkLibJars() {
    }

    /**
     * The jars for this JVM.
     *
     * @throws IllegalStateException if neither the SQL connector jar nor the classpath's connector jars are found,
     *     saying how to fetch the SQL connector
     */
    public static List<Path> locate() {
        return locate(System.getProperties(), FlinkLibJars::jarOfClass);
    }

    static List<Path> locate(Properties properties, Function<String, Optional<Path>> jarOfClass) {
        try {
            return List.of(Artifacts.locate(Artifacts.sqlConnectorKafka(), properties));
        } catch (IllegalStateException missing) {
            List<Path> jars = new ArrayList<>();
            for (String className : CONNECTOR_CLASSES) {
                Optional<Path> jar = jarOfClass.apply(className);
                if (jar.isEmpty()) {
                    throw new IllegalStateException(missing.getMessage() + "; nor is " + className + " on the"
                            + " classpath in a jar to copy instead", missing);
                }
                jars.add(jar.get());
            }
            return jars;
        }
    }

    /** The jar file a class was loaded from, if it was loaded from one. */
    static Optional<Path> jarOfClass(String className) {
        try {
            CodeSource source = Class.forName(className, false, FlinkLibJars.class.getClassLoader())
                    .getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
