package io.flinkharness.cli.validate;

import io.flinkharness.cases.CaseFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code validate} prints: {@code OK  file (2 cases)} per valid file; {@code FAIL  file} and, indented, each
 * problem as {@code file:line:column: where: what}, with the line and a caret under the column where Flink gives
 * one; then a summary with the time taken. A SQL problem that several cases of a file share is printed once,
 * naming them.
 */
final class ValidationReport {
    private static final String INDENT = "      ";

    private final PrintWriter out;
    private final Map<Path, List<String>> fileLines = new HashMap<>();
    private int valid;
    private int invalid;
    private int cases;

    ValidationReport(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param caseCount how many cases the file holds (loaded or not)
     * @param problems each SQL problem with the names of the cases that have it
     */
    void file(Path file, int caseCount, List<CaseFileException> notLoaded, Map<SqlProblem, List<String>> problems) {
        cases += caseCount;
        if (notLoaded.isEmpty() && problems.isEmpty()) {
            valid++;
            out.println("OK  " + file + " (" + caseCount + (caseCount == 1 ? " case)" : " cases)"));
        } else {
            invalid++;
            out.println("FAIL  " + file);
            notLoaded.forEach(e -> e.getMessage().lines().forEach(line -> out.println(INDENT + line)));
            problems.forEach((p, names) -> print(p, caseCount == 1 ? "" : which(names, caseCount)));
        }
        out.flush();
    }

    void summary(Duration elapsed) {
        int files = valid + invalid;
        out.println(files + (files == 1 ? " file: " : " files: ") + valid + " valid, " + invalid + " invalid ("
                + cases + (cases == 1 ? " case, " : " cases, ")
                + String.format(Locale.ROOT, "%.2f s", elapsed.toMillis() / 1000.0) + ")");
        out.flush();
    }

    boolean allValid() {
        return invalid == 0;
    }

    private static String which(List<String> names, int caseCount) {
        if (names.size() == caseCount) {
            return "all " + caseCount + " cases, ";
        }
        return (names.size() == 1 ? "case '" : "cases '") + String.join("', '", names) + "', ";
    }

    private void print(SqlProblem p, String cases) {
        int line = p.fileLine();
        List<String> lines = fileLines.computeIfAbsent(p.file(), ValidationReport::lines);
        String fileLine = line <= lines.size() ? lines.get(line - 1) : "";
        int column = Math.max(0, fileLine.indexOf(p.statementLine())) + Math.max(p.column(), 1);
        out.println(INDENT + p.file() + ":" + line + ":" + column + ": " + cases + p.where() + ": " + p.headline());
        p.details().forEach(d -> out.println(INDENT + "  " + d));
        if (p.column() > 0) {
            String number = String.format(Locale.ROOT, "%4d", line);
            out.println(INDENT + number + " | " + fileLine);
            out.println(INDENT + " ".repeat(number.length()) + " | " + " ".repeat(column - 1) + "^");
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }
}
