package io.flinkharness.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.flinkharness.cases.CaseFiles;
import io.flinkharness.junit.FlinkSqlTest;
import io.flinkharness.rows.Row;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.Expectation;
import io.flinkharness.run.SqlCase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The YAML samples in {@code samples/cases} pass, and each fails with a diff when one expected row changes. */
@FlinkSqlTest
class SampleCasesTest {
    private static final Path CASES = Path.of("cases");

    /** Every case of every sample file; a case that did not load fails the test that gets it. */
    static Stream<SqlCase> cases() {
        return CaseFiles.loadAll(CASES).stream()
                .map(l -> l.sqlCase().orElseThrow(() -> new AssertionError(l.error().orElseThrow().getMessage())));
    }

    static Stream<Arguments> samples() {
        return cases().map(c -> Arguments.of(Named.of(c.name(), c)));
    }

    /** The samples whose first expectation lists rows. */
    static Stream<Arguments> samplesWithRows() {
        return cases().filter(c -> !c.expectations().isEmpty() && c.expectations().get(0).rowsChecked()
                && !c.expectations().get(0).rows().isEmpty()).map(c -> Arguments.of(Named.of(c.name(), c)));
    }

    @Test
    void theSamplesAreThere() {
        assertThat(CaseFiles.caseFiles(CASES).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("tumble-window.yaml", "dedup.yaml", "late-records-dropped.yaml",
                        "dedup-generated-duplicates.yaml", "avro-registry-orders.yaml", "orders-suite.yaml",
                        "unbounded-tumble-window.yaml");
        assertThat(cases()).hasSize(11);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void passes(SqlCase sample, CaseRunner runner) {
        runner.run(sample).assertPassed();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplesWithRows")
    void failsWithADiffWhenOneExpectedRowIsChanged(SqlCase sample, CaseRunner runner) {
        Expectation expectation = sample.expectations().get(0);
        Row right = expectation.rows().get(0);
        Row wrong = withLastValueChanged(right);

        CaseResult result = runner.run(sample.withExpectation(0, expectation.withRow(0, wrong)));

        assertThat(result.status()).as(result.message()).isEqualTo(CaseResult.Status.FAILED);
        String[] lines = result.message().split("\n");
        assertThat(lines[0]).startsWith("Expecting table ").contains("read_committed");
        assertThat(lines[1]).startsWith("to contain exactly, in any order, " + expectation.rows().size() + " row");
        assertThat(lines[2]).isEqualTo("but could not find 1 row, and found 1 unexpected row:");
        assertThat(lines[4]).isEqualTo("  differing (1):");
        assertThat(lines[5]).startsWith("    - ").contains(shown(wrong));
        assertThat(lines[6]).startsWith("    + ").endsWith(" " + shown(right));
        assertThat(lines[7].strip()).matches("\\^+");
    }

    /** The last value as the diff shows it. */
    private static String shown(Row row) {
        Object last = row.values().get(row.columns().get(row.columns().size() - 1));
        return last instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(last);
    }

    /** The row with its last value changed: numbers plus one, anything else with a suffix. */
    private static Row withLastValueChanged(Row row) {
        Map<String, Object> values = new LinkedHashMap<>(row.values());
        List<String> columns = row.columns();
        String last = columns.get(columns.size() - 1);
        Object value = values.get(last);
        values.put(last, value instanceof Long n ? (Object) (n + 1) : value + "-changed");
        return Row.of(values);
    }
}
