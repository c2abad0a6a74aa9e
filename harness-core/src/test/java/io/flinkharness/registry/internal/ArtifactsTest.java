package io.flinkharness.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {
    private static final MavenArtifact APICURIO = Artifacts.apicurioRegistry();

    @TempDir
    Path dir;

    private Properties properties(String... keysAndValues) {
        Properties p = new Properties();
        p.setProperty("user.home", dir.resolve("home").toString());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return p;
    }

    @Test
    void theVersionsComeFromTheBuild() {
        assertThat(APICURIO.coordinates()).isEqualTo("io.apicurio:apicurio-registry-app:3.0.9:zip:all");
        assertThat(APICURIO.fileName()).isEqualTo("apicurio-registry-app-3.0.9-all.zip");
        assertThat(Artifacts.avroConfluentFormat().coordinates())
                .isEqualTo("org.apache.flink:flink-sql-avro-confluent-registry:2.2.0");
    }

    @Test
    void theSystemPropertyWins() throws IOException {
        Path zip = Files.createFile(dir.resolve("my.zip"));

        assertThat(Artifacts.locate(APICURIO, properties("flinkharness.apicurio.zip", zip.toString()))).isEqualTo(zip);
    }

    @Test
    void aSystemPropertyNamingNoFileSaysSo() {
        Path missing = dir.resolve("nope.zip");

        assertThatThrownBy(() -> Artifacts.locate(APICURIO, properties("flinkharness.apicurio.zip", missing.toString())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Apicurio Registry distribution not found: system property flinkharness.apicurio.zip names "
                        + missing + ", which is not a file — fix the path, or remove the property to use the local"
                        + " Maven repository");
    }

    @Test
    void theLocalRepositoryHonoursMavenRepoLocal() throws IOException {
        Path repo = dir.resolve("repo");
        Path zip = repo.resolve("io/apicurio/apicurio-registry-app/3.0.9/apicurio-registry-app-3.0.9-all.zip");
        Files.createDirectories(zip.getParent());
        Files.createFile(zip);

        assertThat(Artifacts.locate(APICURIO, properties("maven.repo.local", repo.toString()))).isEqualTo(zip);
    }

    @Test
    void theDefaultRepositoryIsUnderTheHomeDirectory() {
        assertThat(Artifacts.localRepository(properties())).isEqualTo(dir.resolve("home/.m2/repository"));
    }

    @Test
    void aMissingArtifactGivesTheCommandThatFetchesIt() {
        Path expected = dir.resolve("home/.m2/repository/org/apache/flink/flink-sql-avro-confluent-registry/2.2.0/"
                + "flink-sql-avro-confluent-registry-2.2.0.jar");

        assertThatThrownBy(() -> Artifacts.locate(Artifacts.avroConfluentFormat(), properties()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Flink avro-confluent format jar org.apache.flink:flink-sql-avro-confluent-registry:2.2.0"
                        + " not found: it is not in the local Maven repository (" + expected + ") and system property"
                        + " flinkharness.avro-confluent.jar is not set — fetch it with: mvn"
                        + " org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy"
                        + " -Dartifact=org.apache.flink:flink-sql-avro-confluent-registry:2.2.0 -DoutputDirectory="
                        + Path.of(System.getProperty("java.io.tmpdir"), "flink-harness-artifacts")
                        + " (or set -Dflinkharness.avro-confluent.jar=/path/to/flink-sql-avro-confluent-registry-2.2.0.jar)");
    }
}
