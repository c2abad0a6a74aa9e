package io.flinkharness.cli.report;

import io.flinkharness.cli.report.ReportEntry.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one {@code run} did, for the report files: its entries in case-file order, when it started and how
 * long it took (including the environment's start).
 *
 * <pre>{@code
 * RunReport report = new RunReport(started, elapsed, Path.of("").toAbsolutePath(), entries);
 * JUnitXmlWriter.write(report, Path.of("target/flink-sql-harness.xml"));
 * }</pre>
 *
 * @param workingDirectory case files are shown relative to it when they lie under it
 */
public record RunReport(Instant started, Duration elapsed, Path workingDirectory, List<ReportEntry> entries) {

    public RunReport {
        Objects.requireNonNull(started, "started cannot be null");
        Objects.requireNonNull(elapsed, "elapsed cannot be null");
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        entries = List.copyOf(entries);
    }

    /** How many entries ended in one of the outcomes. */
    public long count(Outcome... outcomes) {
        Set<Outcome> wanted = Set.of(outcomes);
        return entries.stream().filter(e -> wanted.contains(e.outcome())).count();
    }

    /** The entries grouped by case file, files in the order of their first entry. */
    public Map<Path, List<ReportEntry>> byFile() {
        Map<Path, List<ReportEntry>> files = new LinkedHashMap<>();
        entries.forEach(e -> files.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(e));
        return files;
    }

    /** A duration as the reports show it: seconds with three decimals ({@code 1.250}). */
    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    /**
     * A case file as the report shows it: relative to the working directory when it lies under it, else absolute;
     * always with {@code /} between names.
     */
    public String show(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
        return shown.toString().replace(shown.getFileSystem().getSeparator(), "/");
    }
}
