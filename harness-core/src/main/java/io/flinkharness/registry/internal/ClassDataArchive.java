package io.flinkharness.registry.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalInt;

/**
 * An AppCDS archive of the registry's classes, kept beside the unzipped distribution: it nearly halves the
 * registry's start. The first registry that finds none records one at exit (a JVM stopped with SIGTERM writes it
 * on its way out); later ones map it. An archive that does not fit (another JDK, changed jars) is ignored by the
 * JVM with a warning in the registry's log, never a failure. Not part of the public API.
 */
public final class ClassDataArchive {
    private static final String RECORDING = "classes.jsa";
    /** Exit code of a JVM killed with SIGKILL: its archive may be cut short. */
    private static final int KILLED = 137;

    private final Path archive;

    /** The archive of the distribution in {@code distributionDirectory}, for this JVM's build. */
    public ClassDataArchive(Path distributionDirectory) {
        String jvm = System.getProperty("java.vm.vendor", "") + "-" + System.getProperty("java.vm.version", "");
        this.archive = distributionDirectory.resolve("registry-" + jvm.replaceAll("[^A-Za-z0-9._-]", "_") + ".jsa");
    }

    public Path path() {
        return archive;
    }

    /** The JVM options that map the archive, or record one into {@code runDirectory} if there is none yet. */
    public List<String> jvmOptions(Path runDirectory) {
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive)
                : List.of("-XX:ArchiveClassesAtExit=" + runDirectory.resolve(RECORDING));
    }

    /** Whether the registry running in {@code runDirectory} records an archive (to be written when it stops). */
    public boolean recordsInto(Path runDirectory) {
        return jvmOptions(runDirectory).get(0).startsWith("-XX:ArchiveClassesAtExit=");
    }

    /**
     * After a registry that started well has ended: puts the archive it recorded into place, if it recorded one
     * and was not killed while writing it.
     */
    public void keep(Path runDirectory, OptionalInt exitCode) {
        Path recorded = runDirectory.resolve(RECORDING);
        if (!Files.isRegularFile(recorded) || Files.exists(archive) || exitCode.orElse(KILLED) == KILLED) {
            return;
        }
        try {
            // a rename: another registry that moved its archive first is replaced by an equal one
            Files.move(recorded, archive, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // no archive: the next registry records one again
        }
    }
}
