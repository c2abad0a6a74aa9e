package io.flinkharness.cli;

import static io.flinkharness.cli.BadInputCorpus.ALL;
import static io.flinkharness.cli.BadInputCorpus.FOLDER;
import static io.flinkharness.cli.RunCommandTest.noEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.cli.BadInputCorpus.BadInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@link BadInputCorpus}): {@code validate} reports each broken file with its file, line,
 * field and fix and exits 2; {@code run} over the whole corpus and a valid case reports every broken case, still
 * runs the others, and exits 2.
 */
class BadInputCorpusTest {
    private static final Path SAMPLES = Path.of("..", "samples", "cases");
    private static final String INDENT = "      ";
    private static final String VALIDATE_SUMMARY =
            "\\d+ files?: \\d+ valid, \\d+ invalid \\(\\d+ cases?, \\d+\\.\\d\\d s\\)";
    private static final Pattern CASE_LINE = Pattern.compile("^(PASS|FAIL)  (.+)  \\((\\d+\\.\\d\\d) s\\)$");
    /** A frame ({@code at a.B.c(B.java:12)}), {@code Caused by: } or {@code ... 12 more} of a printed stack trace. */
    private static final Pattern STACK_TRACE = Pattern.compile("^\\s*(?:at [\\w$.<>/]+\\((?:[\\w$]+\\.java:\\d+"
            + "|Native Method|Unknown Source)\\)|Caused by: |\\.\\.\\. \\d+ more$)");
    /** The timeout of every case of the corpus that runs: none may need it to fail. */
    private static final double CASE_TIMEOUT_SECONDS = 20;
    private static final SharedEnvironment ENV = new SharedEnvironment();

    @TempDir
    Path dir;

    @AfterAll
    static void stopEnvironment() {
        ENV.close();
    }

    @Test
    void everyFileOfTheCorpusHasItsExpectation() {
        assertThat(yamlFiles(FOLDER)).as("the case files of " + FOLDER)
                .containsExactlyInAnyOrderElementsOf(ALL.stream().map(BadInput::file).toList())
                .hasSizeGreaterThanOrEqualTo(28);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.flinkharness.cli.BadInputCorpus#all")
    void validateNamesTheFileLineFieldAndFix(BadInput input) {
        Path file = FOLDER.resolve(input.file());

        CliRun run = CliRun.of(noEnvironment(), "validate", file.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(input.validateExit());
        assertThat(withoutSummary(run)).as(run.transcript()).containsExactlyElementsOf(input.validateLines(file));
        assertThat(run.err()).as(run.transcript()).isEmpty();
    }

    @Test
    void validateOfTheFolderReportsEveryFile() {
        CliRun run = CliRun.of(noEnvironment(), "validate", FOLDER.toString());

        assertThat(run.exitCode()).as(run.transcript()).isEqualTo(ExitCodes.BAD_INPUT);
        List<String> expected = ALL.stream().map(b -> FOLDER.resolve(b.file())).sorted()
                .flatMap(file -> BadInputCorpus.named(file.getFileName().toString()).validateLines(file).stream())
                .toList();
        assertThat(withoutSummary(run)).as(run.transcript()).containsExactlyElementsOf(expected);
        long valid = ALL.stream().filter(b -> b.validateExit() == ExitCodes.PASSED).count();
        // several-cases-one-broken.yaml holds two cases
        assertThat(run.outLines()).last().asString().startsWith(ALL.size() + " files: " + valid + " valid, "
                + (ALL.size() - valid) + " invalid (" + (ALL.size() + 1) + " cases, ");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void runReportsEveryBrokenCaseAndStillRunsTheOthers() throws IOException {
        Path cases = copyOfTheCorpus();
        Files.copy(SAMPLES.resolve("tumble-window.yaml"), cases.resolve("tumble-window.yaml"));

        CliRun run = CliRun.of(ENV, "run", cases.toString());

        assertThat(run.exitCode()).as("bad input wins over failed cases; %s", run.transcript())
                .isEqualTo(ExitCodes.BAD_INPUT);
        SoftAssertions softly = new SoftAssertions();
        for (BadInput input : ALL) {
            Path file = cases.resolve(input.file());
            if (input.run().loads()) {
                assertDetailsInOrder(softly, run, input.run().caseName(), input.run().details().stream()
                        .map(d -> BadInputCorpus.fill(d, file)).toList());
            } else {
                softly.assertThat(lineAfter(run, "FAIL  " + file + "  (not loaded)")).as("%s, not loaded",
                        input.file()).isEqualTo(INDENT + input.notLoadedMessage(file));
            }
        }
        assertThat(softly.errorsCollected()).as("how run reports each file of the corpus; %s", run.transcript())
                .extracting(Throwable::getMessage).isEmpty();
        assertThat(caseLines(run)).as(run.transcript()).filteredOn(m -> m.group(1).equals("PASS"))
                .extracting(m -> m.group(2))
                .containsExactlyInAnyOrder("clicks per user and 5-second window", BadInputCorpus.FINE_CASE_OF_SEVERAL);
        assertSummaryAddsUp(run);
        assertThat(caseLines(run)).as("no case waits for its %ss timeout to fail: %s", CASE_TIMEOUT_SECONDS,
                run.transcript()).allSatisfy(m -> assertThat(Double.parseDouble(m.group(3)))
                        .isLessThan(CASE_TIMEOUT_SECONDS));
        assertThat(run.out().lines()).as("stack traces on stdout: " + run.transcript())
                .noneMatch(l -> STACK_TRACE.matcher(l).find());
        assertThat(run.err()).as(run.transcript()).isEmpty();
    }

    private static void assertSummaryAddsUp(CliRun run) {
        long failed = ALL.stream().filter(b -> b.run().loads()).count();
        long notLoaded = ALL.size() - failed;
        assertThat(run.outLines()).as(run.transcript()).last()
                .isEqualTo("2 passed, " + failed + " failed, " + notLoaded + " not loaded");
        assertThat(run.outLines()).as("a line per case or file reported: " + run.transcript())
                .filteredOn(l -> l.startsWith("PASS  ") || l.startsWith("FAIL  ")).hasSize((int) (2 + failed
                        + notLoaded));
    }

    /** The indented lines under {@code FAIL  NAME  (1.23 s)} hold {@code expected} in order; {@code *} is any text. */
    private static void assertDetailsInOrder(SoftAssertions softly, CliRun run, String caseName,
            List<String> expected) {
        List<String> lines = run.outLines();
        int result = 0;
        while (result < lines.size() && !isResultOf(lines.get(result), caseName)) {
            result++;
        }
        if (result == lines.size()) {
            softly.fail("Expecting a line 'FAIL  %s  (1.23 s)' but could not find it", caseName);
            return;
        }
        List<String> details = details(lines, result);
        int from = 0;
        for (String glob : expected) {
            Pattern pattern = Pattern.compile(glob(glob));
            int at = from;
            while (at < details.size() && !pattern.matcher(details.get(at)).matches()) {
                at++;
            }
            if (at == details.size()) {
                softly.fail("Expecting the report of case '%s':%n  %s%nto contain, after its line %d:%n  %s%nbut could"
                        + " not find it", caseName, String.join("\n  ", details), from, glob);
                return;
            }
            from = at + 1;
        }
    }

    /** The line after {@code line}, or a note that there is no such line. */
    private static String lineAfter(CliRun run, String line) {
        int at = run.outLines().indexOf(line);
        return at < 0 || at + 1 == run.outLines().size() ? "(no line '" + line + "')" : run.outLines().get(at + 1);
    }

    /** The lines under the result line at {@code result}, without their indent. */
    private static List<String> details(List<String> lines, int result) {
        List<String> details = new ArrayList<>();
        for (int i = result + 1; i < lines.size() && lines.get(i).startsWith(INDENT); i++) {
            details.add(lines.get(i).substring(INDENT.length()));
        }
        return details;
    }

    private static boolean isResultOf(String line, String caseName) {
        Matcher m = CASE_LINE.matcher(line);
        return m.matches() && m.group(1).equals("FAIL") && m.group(2).equals(caseName);
    }

    private static List<Matcher> caseLines(CliRun run) {
        return run.outLines().stream().map(CASE_LINE::matcher).filter(Matcher::matches).toList();
    }

    private static String glob(String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("\\*", -1)) {
            regex.append(regex.isEmpty() ? "" : ".*").append(Pattern.quote(part));
        }
        return regex.toString();
    }

    private static List<String> withoutSummary(CliRun run) {
        List<String> lines = run.outLines();
        assertThat(lines).as(run.transcript()).last().asString().matches(VALIDATE_SUMMARY);
        return lines.subList(0, lines.size() - 1);
    }

    private Path copyOfTheCorpus() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("cases"));
        try (Stream<Path> files = Files.walk(FOLDER)) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(FOLDER.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return copy;
    }

    private static List<String> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
