package io.flinkharness.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {
    @TempDir
    Path distribution;
    @TempDir
    Path run;

    @Test
    void withoutAnArchiveTheRegistryRecordsOneIntoItsRunDirectory() {
        ClassDataArchive archive = new ClassDataArchive(distribution);

        assertThat(archive.jvmOptions(run)).containsExactly("-XX:ArchiveClassesAtExit=" + run.resolve("classes.jsa"));
        assertThat(archive.recordsInto(run)).isTrue();
        assertThat(archive.path().getParent()).isEqualTo(distribution);
        assertThat(archive.path().getFileName().toString()).matches("registry-[A-Za-z0-9._-]+\\.jsa");
    }

    @Test
    void aRecordedArchiveIsKeptAfterAPoliteStopAndThenMapped() throws IOException {
        ClassDataArchive archive = new ClassDataArchive(distribution);
        Files.writeString(run.resolve("classes.jsa"), "archive");

        archive.keep(run, OptionalInt.of(143));

        assertThat(archive.path()).hasContent("archive");
        assertThat(archive.jvmOptions(run)).containsExactly("-XX:SharedArchiveFile=" + archive.path());
        assertThat(archive.recordsInto(run)).isFalse();
    }

    @Test
    void theArchiveOfAKilledRegistryIsNotKept() throws IOException {
        ClassDataArchive archive = new ClassDataArchive(distribution);
        Files.writeString(run.resolve("classes.jsa"), "cut sh");

        archive.keep(run, OptionalInt.of(137));

        assertThat(archive.path()).doesNotExist();
    }

    @Test
    void aRegistryThatRecordedNothingKeepsNothing() {
        ClassDataArchive archive = new ClassDataArchive(distribution);

        archive.keep(run, OptionalInt.of(143));

        assertThat(archive.path()).doesNotExist();
    }
}
