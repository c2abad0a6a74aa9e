package io.flinkharness.cli;

import io.flinkharness.cases.CaseFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files and folders a command's PATH arguments stand for: a path as it is, or a glob ({@code cases/*.yaml},
 * {@code "cases/**}{@code /orders-*.yaml"}) expanded from the folder before its first wildcard, in path order.
 *
 * <pre>{@code
 * List<Path> roots = CasePaths.expand(List.of("samples/cases"));          // run: the first bad path stops
 * CasePaths.Expansion files = CasePaths.caseFiles(List.of("a.yaml", "cases/*.yaml")); // validate: all are checked
 * }</pre>
 */
public final class CasePaths {
    /**
     * The case files of the arguments, each once, in argument order; and one message per argument that names
     * nothing, so the other arguments still count.
     */
    public record Expansion(List<Path> files, List<String> problems) {
        public Expansion {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    private CasePaths() {
    }

    /** The case files ({@link CaseFiles#caseFiles}) of every argument; an argument that names nothing is a problem. */
    public static Expansion caseFiles(List<String> arguments) {
        Set<Path> files = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String argument : arguments) {
            try {
                expand(List.of(argument)).forEach(path -> files.addAll(CaseFiles.caseFiles(path)));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return new Expansion(new ArrayList<>(files), problems);
    }

    static boolean isGlob(String path) {
        return path.contains("*") || path.contains("?") || path.contains("[") || path.contains("{");
    }

    /**
     * @throws IllegalArgumentException for a path that does not exist, or a glob that matches nothing
     */
    public static List<Path> expand(List<String> arguments) {
        List<Path> paths = new ArrayList<>();
        for (String argument : arguments) {
            if (!isGlob(argument)) {
                Path path = Path.of(argument);
                if (!Files.exists(path)) {
                    throw new IllegalArgumentException("no such file or directory: " + argument);
                }
                paths.add(path);
                continue;
            }
            List<Path> matched = glob(argument);
            if (matched.isEmpty()) {
                throw new IllegalArgumentException("no file matches " + argument);
            }
            paths.addAll(matched);
        }
        return paths;
    }

    private static List<Path> glob(String pattern) {
        String normalized = pattern.replace('\\', '/');
        int wildcard = firstWildcard(normalized);
        int slash = normalized.lastIndexOf('/', wildcard);
        Path base = slash < 0 ? Path.of("") : Path.of(normalized.substring(0, slash + 1));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + normalized);
        Path root = base.toString().isEmpty() ? Path.of(".") : base;
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> base.toString().isEmpty() ? root.relativize(p) : p)
                    .filter(p -> matcher.matches(Path.of(p.toString().replace('\\', '/'))))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private static int firstWildcard(String pattern) {
        int first = pattern.length();
        for (char c : new char[] {'*', '?', '[', '{'}) {
            int i = pattern.indexOf(c);
            if (i >= 0) {
                first = Math.min(first, i);
            }
        }
        return first;
    }
}
