package io.flinkharness.registry.internal;

import io.flinkharness.env.internal.TempDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unzips a distribution once into a cache directory and reuses it on later starts. A zip is extracted into a
 * temporary directory beside its final place and then moved there atomically, so a reader never sees half a
 * distribution and two JVMs extracting at once both end up with the one that moved first. Not part of the
 * public API.
 */
public final class DistributionCache {
    private final Path cacheDirectory;

    public DistributionCache(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    /** Result of {@link #extract}: where the distribution is, and whether this call unzipped it. */
    public record Extracted(Path directory, boolean fresh) {
    }

    /**
     * The directory holding the zip's content, unzipped now if no earlier call did. It is named after the zip's
     * file name and size, so a different zip of the same name gets a directory of its own.
     */
    public Extracted extract(Path zip) {
        Path target = cacheDirectory.resolve(stem(zip) + "-" + size(zip));
        if (Files.isDirectory(target)) {
            return new Extracted(target, false);
        }
        createDirectories(cacheDirectory);
        try (TempDirectory staging = TempDirectory.create(cacheDirectory, target.getFileName() + ".extracting-")) {
            unzip(zip, staging.path());
            return new Extracted(target, moveIntoPlace(staging.path(), target));
        }
    }

    /** Moves the staged content to {@code target}; false if another process got there first. */
    private static boolean moveIntoPlace(Path staged, Path target) {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new UncheckedIOException("cannot move " + staged + " to " + target + " atomically — use a cache"
                    + " directory on a local file system", e);
        } catch (IOException e) {
            if (Files.isDirectory(target)) {
                return false; // some file systems report a lost race as "directory not empty"
            }
            throw new UncheckedIOException("cannot move " + staged + " to " + target + ": " + e.getMessage(), e);
        }
    }

    private static void unzip(Path zip, Path into) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IllegalStateException(zip + " is not a usable distribution: entry '" + entry.getName()
                            + "' points outside the directory it is extracted to");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = file.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        } catch (ZipException e) {
            throw new IllegalStateException(zip + " is not a readable zip (" + e.getMessage() + ") — delete it and"
                    + " fetch it again", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + zip + " into " + into + ": " + e.getMessage(), e);
        }
    }

    /** The one file in {@code directory} (or a directory right below it) whose name ends in {@code suffix}. */
    public static Path find(Path directory, String suffix, Path zip) {
        try (Stream<Path> files = Files.find(directory, 2,
                (path, attributes) -> attributes.isRegularFile() && path.getFileName().toString().endsWith(suffix))) {
            return files.findFirst().orElseThrow(() -> new IllegalStateException("no *" + suffix + " in " + zip
                    + " (extracted to " + directory + ") — is it the right distribution?"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static String stem(Path zip) {
        String name = zip.getFileName().toString();
        return name.endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    private static long size(Path zip) {
        try {
            return Files.size(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + zip + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cache directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
