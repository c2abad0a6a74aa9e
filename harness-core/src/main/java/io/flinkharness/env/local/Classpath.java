package io.flinkharness.env.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * This JVM's classpath as a list of entries, also when it is a single manifest-only jar whose {@code Class-Path}
 * names the real entries (as Maven Surefire starts test JVMs).
 */
final class Classpath {
    private Classpath() {
    }

    static List<String> entries() {
        String[] parts = System.getProperty("java.class.path").split(File.pathSeparator);
        if (parts.length == 1 && parts[0].endsWith(".jar")) {
            List<String> fromManifest = manifestClassPath(Path.of(parts[0]));
            if (!fromManifest.isEmpty()) {
                return fromManifest;
            }
        }
        return List.of(parts);
    }

    /** The classpath without the entries {@code exclude} matches, joined for {@code java -cp}. */
    static String without(Predicate<Path> exclude) {
        List<String> kept = new ArrayList<>();
        for (String entry : entries()) {
            if (!exclude.test(Path.of(entry))) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    private static List<String> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            List<String> entries = new ArrayList<>();
            for (String url : classPath.trim().split("\\s+")) {
                URI uri = jar.toAbsolutePath().getParent().toUri().resolve(url);
                entries.add(Path.of(uri).toString());
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classpath from the manifest of " + jar, e);
        }
    }
}
