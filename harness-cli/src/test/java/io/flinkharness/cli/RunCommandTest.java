package io.flinkharness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.env.FlinkKafkaEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} against the real embedded environment, started once for the whole class. */
class RunCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples", "cases");
    private static final SharedEnvironment ENV = new SharedEnvironment();

    @TempDir
    Path dir;

    @AfterAll
    static void stopEnvironment() {
        ENV.close();
    }

    @Test
    void runsTheSampleCases() {
        int closedBefore = ENV.closed();

        CliRun run = CliRun.of(ENV, "run", SAMPLES.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(0);
        assertThat(run.outLines()).as(run.transcript())
                .anyMatch(l -> l.matches("environment started in \\d+\\.\\d\\d s"))
                .anyMatch(l -> l.matches("PASS  dedup orders, first event per order_id  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("PASS  clicks per user and 5-second window  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("PASS  late records are dropped from 10-second windows  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("PASS  dedup removes generated duplicates  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.matches("PASS  avro orders through a schema registry, grand total  \\(\\d+\\.\\d\\d s\\)"))
                .last().isEqualTo("5 passed, 0 failed");
        assertThat(ENV.closed()).as("the command closes the environment").isEqualTo(closedBefore + 1);
    }

    @Test
    void reportsAFileThatDoesNotLoadAndRunsTheOthers() throws IOException {
        Files.copy(SAMPLES.resolve("tumble-window.yaml"), dir.resolve("a-valid.yaml"));
        Path broken = Files.writeString(dir.resolve("b-broken.yaml"),
                "name: broken\ntopics:\n  out: { partitions: 1\ndml: x\n");

        CliRun run = CliRun.of(ENV, "run", dir.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(run.outLines()).as(run.transcript())
                .contains("FAIL  " + broken + "  (not loaded)")
                .anyMatch(l -> l.startsWith("      " + broken + ":4:4: YAML syntax: "))
                .anyMatch(l -> l.matches("PASS  clicks per user and 5-second window  \\(\\d+\\.\\d\\d s\\)"))
                .last().isEqualTo("1 passed, 1 failed");
    }

    @Test
    void printsTheDiffOfACaseThatFails() throws IOException {
        String sample = Files.readString(SAMPLES.resolve("tumble-window.yaml"));
        Files.writeString(dir.resolve("wrong.yaml"), sample
                .replace("name: clicks per user and 5-second window", "name: wrong expectation")
                .replace("{ user: carol, window_start: \"2024-01-01 00:00:10\", clicks: 1, total: 6 }",
                        "{ user: carol, window_start: \"2024-01-01 00:00:10\", clicks: 1, total: 60 }"));

        CliRun run = CliRun.of(ENV, "run", dir.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(1);
        assertThat(run.outLines()).as(run.transcript())
                .anyMatch(l -> l.matches("FAIL  wrong expectation  \\(\\d+\\.\\d\\d s\\)"))
                .anyMatch(l -> l.startsWith("      ") && l.contains("total"))
                .last().isEqualTo("0 passed, 1 failed");
    }

    static Supplier<FlinkKafkaEnvironment> noEnvironment() {
        return () -> {
            throw new AssertionError("no environment should be started");
        };
    }
}
