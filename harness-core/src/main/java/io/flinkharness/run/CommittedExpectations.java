package io.flinkharness.run;

import io.flinkharness.results.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a case's expectations (and validation queries) against what its topics hold committed now, while the job
 * keeps running: the check of an unbounded case, with the code the bounded run uses ({@link OutputCheck}).
 */
final class CommittedExpectations {
    private final TestSession session;
    private final SqlCase sqlCase;

    CommittedExpectations(TestSession session, SqlCase sqlCase) {
        this.session = session;
        this.sqlCase = sqlCase;
    }

    /** Reads every expected topic once and compares; the result holds the mismatches and the tables read. */
    OutputCheck check() {
        OutputCheck outputs = new OutputCheck(session.createdTables(), session.currentRegistry());
        for (Expectation expectation : sqlCase.expectations()) {
            String topic = session.topic(expectation.topic()).name();
            outputs.check(expectation, topic, session.readCommitted(topic), sqlCase);
        }
        return outputs;
    }

    /** The validation queries' mismatches over the tables as committed now (each query runs a job). */
    List<String> validate(OutputCheck outputs, ValidationQueries queries) {
        List<String> mismatches = new ArrayList<>();
        if (sqlCase.validations().isEmpty()) {
            return mismatches;
        }
        List<String> topics = session.topics().stream().map(SessionTopic::name).toList();
        Map<String, ResultTable> tables = outputs.tablesByName(topics, session::readCommitted);
        for (ValidationQuery query : sqlCase.validations()) {
            queries.check(query, tables).ifPresent(mismatches::add);
        }
        return mismatches;
    }

    /** The expected topics, for messages: {@code counts, totals}. */
    String topics() {
        List<String> topics = sqlCase.expectations().stream().map(Expectation::topic).distinct().toList();
        return topics.isEmpty() ? "(no expectations)" : String.join(", ", topics);
    }
}
