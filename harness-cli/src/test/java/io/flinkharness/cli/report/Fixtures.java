package io.flinkharness.cli.report;

import io.flinkharness.cases.CaseFileException;
import io.flinkharness.run.CaseResult;
import io.flinkharness.run.CaseTimings;
import io.flinkharness.run.SqlCase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Hand-made cases, results and reports for the writer tests; fixed times, so the output is exact. */
final class Fixtures {
    static final Path WORK = Path.of("/work/project");
    static final Instant STARTED = Instant.parse("2026-01-02T03:04:05.250Z");
    static final CaseTimings TIMINGS = new CaseTimings(Duration.ofMillis(120), Duration.ofMillis(150),
            Duration.ofMillis(300), Duration.ofMillis(700), Duration.ofMillis(80));

    private Fixtures() {
    }

    static SqlCase sqlCase(String name, String dml) {
        return SqlCase.named(name).topic("clicks", 1).topic("counts", 1).dml(dml).build();
    }

    static SqlCase plainCase(String name) {
        return sqlCase(name, "INSERT INTO counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id");
    }

    static CaseResult result(String name, CaseResult.Status status, String message, Optional<Throwable> failure) {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("clicks", "clicks-x1");
        topics.put("counts", "counts-x1");
        return new CaseResult(name, status, message, Duration.ofMillis(1250), TIMINGS, topics, List.of("job-1"),
                failure);
    }

    static ReportEntry passed(String file, SqlCase c) {
        return new ReportEntry.Ran(WORK.resolve(file), c, result(c.name(), CaseResult.Status.PASSED, "",
                Optional.empty()), STARTED.plusSeconds(1));
    }

    /** A passed unbounded case that awaited a window of counts, 412 ms after the last input and 2 checkpoints. */
    static ReportEntry passedUnbounded(String file, SqlCase c) {
        CaseResult plain = result(c.name(), CaseResult.Status.PASSED, "", Optional.empty());
        CaseResult result = new CaseResult(plain.name(), plain.status(), "", plain.elapsed(), plain.timings(),
                plain.topics(), plain.jobIds(), Optional.empty(), java.util.Map.of(), List.of(
                        new io.flinkharness.run.AwaitedOutput("counts", "windowEnd: 2026-01-01T00:00:10Z",
                                Optional.of(Duration.ofMillis(412)), Optional.of(2L))));
        return new ReportEntry.Ran(WORK.resolve(file), c, result, STARTED.plusSeconds(1));
    }

    static ReportEntry failed(String file, SqlCase c, String diff) {
        return new ReportEntry.Ran(WORK.resolve(file), c, result(c.name(), CaseResult.Status.FAILED, diff,
                Optional.of(new AssertionError(diff))), STARTED.plusSeconds(2));
    }

    static ReportEntry notLoaded(String file, int line, String problem) {
        return new ReportEntry.NotLoaded(new CaseFileException(WORK.resolve(file), line, 3, "topics.out",
                problem, "fix it", null), STARTED);
    }

    static RunReport report(ReportEntry... entries) {
        return new RunReport(STARTED, Duration.ofMillis(2500), WORK, List.of(entries));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
