package io.flinkharness.cli;

import io.flinkharness.cli.report.HtmlReportWriter;
import io.flinkharness.cli.report.JUnitXmlWriter;
import io.flinkharness.cli.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The report options of {@code run} ({@code --junit-xml FILE}, {@code --html FILE}), a picocli mixin, and the
 * writing of the reports once every case has run. Missing parent directories are created. A report that cannot
 * be written is an error on stderr that names the option, the path and the reason; the other report is still
 * written.
 */
final class ReportFiles {
    @Option(names = "--junit-xml", paramLabel = "FILE",
            description = "Also write a JUnit XML report (Ant/Surefire format, as CI test reporters read it) to FILE:"
                    + " a testsuite per case file, a failure with the diff for a failed case, an error for a case"
                    + " that errored or a case file that did not load, timings and generated-input seeds in"
                    + " system-out.")
    private Path junitXml;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report to FILE: a summary, then each case with its"
                    + " timings, diff or error, topics and, for TUMBLE, HOP and CUMULATE windows, a picture of the"
                    + " input's event time, watermark and late records.")
    private Path html;

    /** A report of the run, written to a file. */
    private interface ReportWriter {
        void write(RunReport report, Path file) throws IOException;
    }

    /**
     * Writes the requested reports, saying where on {@code out}, or why not on {@code err}.
     *
     * @return whether every requested report was written
     */
    boolean write(RunReport report, PrintWriter out, PrintWriter err) {
        boolean junitWritten = junitXml == null
                || write(report, junitXml, "JUnit XML report (--junit-xml)", JUnitXmlWriter::write, out, err);
        boolean htmlWritten = html == null
                || write(report, html, "HTML report (--html)", HtmlReportWriter::write, out, err);
        return junitWritten && htmlWritten;
    }

    private static boolean write(RunReport report, Path file, String what, ReportWriter writer, PrintWriter out,
            PrintWriter err) {
        Optional<String> problem = problem(file);
        if (problem.isEmpty()) {
            try {
                writer.write(report, file);
                out.println("wrote the " + what + " to " + file);
                return true;
            } catch (IOException e) {
                problem = Optional.of(reason(e));
            } catch (RuntimeException e) {
                problem = Optional.of("the report could not be made: " + e
                        + " — this is a bug of flink-sql-harness; the case results above are complete");
            }
        }
        err.println("cannot write the " + what + " to " + file + ": " + problem.get());
        err.flush();
        return false;
    }

    /** What is wrong with the path before writing, after creating its missing parent directories. */
    private static Optional<String> problem(Path file) {
        if (Files.isDirectory(file)) {
            return Optional.of("it is a directory — give a file name, e.g. " + file.resolve("report"));
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(reason(e));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " is a file, not a directory — give a path in a directory";
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile() + " — give a path you can write to";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such directory for " + n.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return String.valueOf(e.getMessage());
    }
}
