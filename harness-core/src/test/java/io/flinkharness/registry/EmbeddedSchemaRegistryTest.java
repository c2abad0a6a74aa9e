package io.flinkharness.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.env.EnvironmentStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real registries: each test owns the one it starts, and every one must be gone afterwards. */
class EmbeddedSchemaRegistryTest {
    private static final Pattern PID = Pattern.compile("\\(pid (\\d+)\\)");

    @TempDir
    Path dir;

    @Test
    void startsAnsweringOnLoopbackAndCloseLeavesNoProcess() {
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start();
        long pid = registry.pid();
        Path log = registry.logFile();
        try {
            assertThat(registry.url().toString()).matches("http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7");
            assertThat(registry.client().subjects()).isEmpty();
            assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            assertThat(registry.startTime()).isPositive();
            assertThat(log).exists();
        } finally {
            registry.close();
        }

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(log).doesNotExist();
        assertThat(classDataArchives()).as("recorded by the first registry that found none, when it closed").isNotEmpty();
        registry.close(); // a second close does nothing
    }

    private static List<Path> classDataArchives() {
        try (Stream<Path> files = Files.find(EmbeddedRegistrySettings.defaults().cacheDirectory(), 2,
                (path, attributes) -> path.getFileName().toString().endsWith(".jsa"))) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aCorruptRunnerJarFailsWithTheExitCodeAndTheLogAndLeavesNothingRunning() throws IOException {
        Path zip = dir.resolve("broken-registry-all.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("broken-registry-runner.jar"));
            out.write("this is not a jar".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        EmbeddedRegistrySettings settings = EmbeddedRegistrySettings.defaults()
                .withDistribution(zip).withCacheDirectory(dir.resolve("cache"));

        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(settings))
                .isInstanceOf(EnvironmentStartException.class)
                .hasMessageMatching("(?s)embedded schema registry did not start: Apicurio Registry \\(pid \\d+\\) exited"
                        + " with code 1 before it answered GET http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7/subjects;"
                        + " last lines of its log \\(kept in "
                        + Pattern.quote(dir.resolve("cache/apicurio-registry-last-failed-start.log").toString())
                        + "\\):\n  Error: Invalid or corrupt jarfile .*broken-registry-runner\\.jar")
                .satisfies(e -> assertGone(pidIn(e.getMessage())));
        assertThat(childrenRunningFrom(dir)).isEmpty();
        assertThat(dir.resolve("cache/apicurio-registry-last-failed-start.log")).content()
                .startsWith("Error: Invalid or corrupt jarfile");
        assertThat(dir.resolve("cache/runs")).isEmptyDirectory();
    }

    @Test
    void aStartThatTakesTooLongIsStoppedAndSaysWhatItAwaited() {
        EmbeddedRegistrySettings settings = EmbeddedRegistrySettings.defaults().withStartTimeout(Duration.ofMillis(300));

        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(settings))
                .isInstanceOf(EnvironmentStartException.class)
                .hasMessageMatching("(?s)embedded schema registry did not start: waited 300 ms for Apicurio Registry"
                        + " \\(pid \\d+\\) to answer GET http://127\\.0\\.0\\.1:\\d+/apis/ccompat/v7/subjects; last seen:"
                        + " no answer \\(connection refused\\) — raise EmbeddedRegistrySettings\\.withStartTimeout if the"
                        + " machine is busy; last lines of its log \\(kept in .*apicurio-registry-last-failed-start\\.log\\):"
                        + "\n.*")
                .satisfies(e -> assertGone(pidIn(e.getMessage())));
    }

    @Test
    void aDistributionThatDoesNotExistIsNamed() {
        Path missing = dir.resolve("nope-all.zip");

        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(EmbeddedRegistrySettings.defaults().withDistribution(missing)))
                .isInstanceOf(EnvironmentStartException.class)
                .hasMessage("embedded schema registry did not start: distribution " + missing + " is not a file — fix"
                        + " the path given to EmbeddedRegistrySettings.withDistribution");
    }

    private static long pidIn(String message) {
        Matcher m = PID.matcher(message);
        assertThat(m.find()).as("a pid in: " + message).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static void assertGone(long pid) {
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("process " + pid).isEmpty();
    }

    /** This JVM's child processes whose command line mentions {@code path}. */
    private static List<ProcessHandle> childrenRunningFrom(Path path) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(path.toString()))
                .toList();
    }
}
