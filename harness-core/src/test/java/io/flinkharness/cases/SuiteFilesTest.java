package io.flinkharness.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flinkharness.run.SqlCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files with several cases ({@code cases:}) sharing fields ({@code shared:}), SQL from files, and tags. */
class SuiteFilesTest {
    private static final String SUITE = """
            shared:
              timeout: 30s
              tags: [windows]
              topics:
                clicks: { partitions: 2 }
                counts: { partitions: 1 }
              ddlFile: sql/tables.sql
              dml: |
                INSERT INTO counts SELECT 1
            cases:
              - name: first
                tags: [smoke]
                input:
                  clicks:
                    - { value: { user: a }, timestamp: "2024-01-01T00:00:01Z" }
                expect:
                  - topic: counts
                    rows:
                      - { n: 1 }
              - name: second
                timeout: 5s
                topics:
                  clicks: { partitions: 4 }
                dml: |
                  INSERT INTO counts
                  SELECT 2
              - name: third
                expect:
                  - topic: counts
                    rows: { n: 1 }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void everyCaseStartsFromTheSharedFieldsAndABadCaseFailsAlone() throws IOException {
        write("sql/tables.sql", "CREATE TABLE clicks (a INT);\nCREATE TABLE counts (n INT);\n");
        Path file = write("suite.yaml", SUITE);

        List<LoadedCase> loaded = CaseFiles.loadAll(file);

        assertThat(loaded).hasSize(3);
        SqlCase first = loaded.get(0).sqlCase().orElseThrow();
        assertThat(first.name()).isEqualTo("first");
        assertThat(first.tags()).containsExactly("windows", "smoke");
        assertThat(first.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(first.topics()).containsExactly(Map.entry("clicks", 2), Map.entry("counts", 1));
        assertThat(first.ddl()).isEqualTo("CREATE TABLE clicks (a INT);\nCREATE TABLE counts (n INT);\n");
        assertThat(first.ddlSource()).isEqualTo(dir.resolve("sql/tables.sql").toString());
        assertThat(first.ddlLine()).isEqualTo(1);
        assertThat(first.dmlSource()).isEqualTo(file + " dml");
        assertThat(first.dmlLine()).isEqualTo(9);
        assertThat(first.inputs().get("clicks")).hasSize(1);

        SqlCase second = loaded.get(1).sqlCase().orElseThrow();
        assertThat(second.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(second.tags()).containsExactly("windows");
        assertThat(second.topics()).containsExactly(Map.entry("clicks", 4), Map.entry("counts", 1));
        assertThat(second.dml()).isEqualTo("INSERT INTO counts\nSELECT 2\n");
        assertThat(second.dmlLine()).isEqualTo(25);

        assertThat(loaded.get(2).error().orElseThrow()).hasMessage(file + ":30:15: cases[2].expect[0].rows: expected a"
                + " list, got a mapping — write a list: one '- item' per line, or [a, b]");
    }

    @Test
    void aProblemInASharedFieldPointsAtIt() throws IOException {
        Path file = write("shared.yaml", SUITE.replace("ddlFile: sql/tables.sql", "ddl: CREATE TABLE x (a INT)")
                .replace("counts: { partitions: 1 }", "counts: { partitions: 0 }"));

        List<LoadedCase> loaded = CaseFiles.loadAll(file);

        assertThat(loaded.subList(0, 2)).allSatisfy(l -> assertThat(l.error().orElseThrow()).hasMessage(file
                + ":6:27: shared.topics.counts.partitions: must be at least 1, got 0 — a Kafka topic has 1 or more"
                + " partitions"));
        assertThat(loaded.get(2).error().orElseThrow().field()).isEqualTo("cases[2].expect[0].rows");
    }

    @Test
    void theFieldsOfAFileWithSeveralCases() throws IOException {
        Path typo = write("typo.yaml", SUITE.replace("shared:", "shard:"));
        assertThat(CaseFiles.loadAll(typo)).singleElement().satisfies(l -> assertThat(l.error().orElseThrow())
                .hasMessage(typo + ":1:1: shard: unknown field 'shard' next to cases — did you mean 'shared'?"
                        + " (fields of a file with several cases: shared, cases); fields every case shares go under"
                        + " shared:, a case's own under its entry in cases:"));

        Path none = write("none.yaml", "shared:\n  timeout: 5s\ncases: []\n");
        assertThat(CaseFiles.loadAll(none)).singleElement().satisfies(l -> assertThat(l.error().orElseThrow())
                .hasMessage(none + ":3:8: cases: no cases — write one '- name: ...' entry per case"));

        Path named = write("named.yaml", "shared:\n  name: all\ncases:\n  - name: one\n");
        assertThat(CaseFiles.loadAll(named)).singleElement().satisfies(l -> assertThat(l.error().orElseThrow())
                .hasMessage(named + ":2:3: shared.name: a shared name — give each case its own name in cases:"));
    }

    @Test
    void sqlFilesAreRelativeToTheCaseFileAndNotBesideInlineSql() throws IOException {
        Path missing = write("missing.yaml", SUITE);
        assertThat(CaseFiles.loadAll(missing).get(0).error().orElseThrow()).hasMessage(missing + ":7:12:"
                + " shared.ddlFile: no file " + dir.resolve("sql/tables.sql") + " — the path is relative to the folder"
                + " of missing.yaml");

        write("sql/tables.sql", "CREATE TABLE clicks (a INT);\n");
        Path both = write("both.yaml", SUITE.replace("ddlFile: sql/tables.sql",
                "ddlFile: sql/tables.sql\n  ddl: CREATE TABLE y (a INT)"));
        assertThat(CaseFiles.loadAll(both).get(0).error().orElseThrow()).hasMessage(both + ":7:3: shared.ddlFile:"
                + " both ddl and ddlFile are given — give the SQL inline (ddl) or in a file (ddlFile), not both");
    }

    @Test
    void tagsAreWords() throws IOException {
        write("sql/tables.sql", "CREATE TABLE clicks (a INT);\n");
        Path file = write("tags.yaml", SUITE.replace("tags: [smoke]", "tags: [smoke, \"two words\"]"));

        assertThat(CaseFiles.loadAll(file).get(0).error().orElseThrow()).hasMessage(file + ":12:11: cases[0].tags:"
                + " tag 'two words' is not a word — use letters, digits, '.', '_' and '-', e.g. tags: [smoke, windows]");
    }

    @Test
    void loadReadsTheOneCaseOfAFile() throws IOException {
        write("sql/tables.sql", "CREATE TABLE clicks (a INT);\n");
        Path file = write("suite.yaml", SUITE);

        assertThatThrownBy(() -> CaseFiles.load(file)).hasMessage(file + ":1:1: cases: the file holds 3 cases —"
                + " read it with CaseFiles.loadAll, which returns every case of a file");
    }
}
