package io.flinkharness.cli.validate;

import io.flinkharness.cli.CommandException;
import io.flinkharness.cli.ExitCodes;
import io.flinkharness.env.internal.UserCodeClassLoading;
import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.registry.AvroConfluentFormat;
import io.flinkharness.run.SqlCase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Checks a case's SQL without Kafka or a Flink cluster: a fresh in-process streaming {@link TableEnvironment} per
 * case (the first one loads the planner, the next take milliseconds), placeholders replaced by stand-ins, the
 * DDL executed (a CREATE TABLE only registers the table; nothing connects to Kafka), and every DML statement
 * planned with {@code explainSql}, which resolves tables, columns, types and connector options exactly as the
 * SQL Gateway does when the case runs. Statements that would start a job are only planned, never executed.
 *
 * <p>A case with {@code 'format' = 'avro-confluent'} gets the format's jar, as a run does.
 */
final class SqlCheck {
    private static final Pattern SET = Pattern.compile("(?is)^\\s*SET\\s+'?([^'=\\s]+)'?\\s*=\\s*'?(.*?)'?\\s*$");

    /**
     * Every problem of the case's SQL: DDL, DML and validation queries. After a DDL statement that fails only the
     * problems up to it, since the statements after it would fail because of it.
     */
    List<SqlProblem> check(SqlCase sqlCase) {
        Script ddl = Script.ddl(sqlCase);
        List<SqlProblem> problems = new ArrayList<>(TopicOptions.literal(ddl, sqlCase.topics().keySet()));
        DummyPlaceholders placeholders = DummyPlaceholders.forCase(sqlCase);
        TableEnvironment env = environment(avroConfluentTable(ddl).isPresent());
        Optional<SqlProblem> ddlProblem = runDdl(env, ddl, placeholders);
        if (ddlProblem.isPresent()) {
            problems.add(ddlProblem.get());
            return problems;
        }
        problems.addAll(runDml(env, sqlCase, ddl, placeholders));
        problems.addAll(planValidations(env, tables(ddl), Script.validations(sqlCase), placeholders));
        return problems;
    }

    /** The first problem of the DDL, with the avro-confluent jar added first where the tables need it. */
    private static Optional<SqlProblem> runDdl(TableEnvironment env, Script ddl, DummyPlaceholders placeholders) {
        return avroConfluentTable(ddl).flatMap(table -> addAvroConfluentJar(env, table))
                .or(() -> ddl.statements().stream().flatMap(s -> run(env, s, placeholders).stream()).findFirst());
    }

    /** Problems of the DML; one with a table's source or sink is put at the table's CREATE TABLE. */
    private static List<SqlProblem> runDml(TableEnvironment env, SqlCase sqlCase, Script ddl,
            DummyPlaceholders placeholders) {
        Script dml = Script.dml(sqlCase);
        List<SqlProblem> problems = new ArrayList<>();
        dml.statements().forEach(statement -> run(env, statement, placeholders)
                .map(p -> TableFactoryProblems.inDdl(p, ddl)).ifPresent(problems::add));
        noJob(sqlCase, dml).ifPresent(problems::add);
        return problems;
    }

    private static Optional<SqlProblem> run(TableEnvironment env, Script.Statement at, DummyPlaceholders placeholders) {
        DummyPlaceholders.Resolved resolved = placeholders.apply(at);
        if (resolved.problem().isPresent()) {
            return resolved.problem();
        }
        String text = resolved.statement().text();
        try {
            switch (StatementKind.of(text)) {
                case SET -> set(env, text);
                case PLANNED -> env.explainSql(text);
                case EXECUTED -> env.executeSql(text);
                case SKIPPED -> { }
            }
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of(FlinkMessages.problem(at, e));
        }
    }

    private static void set(TableEnvironment env, String statement) {
        Matcher m = SET.matcher(statement);
        if (m.matches()) {
            env.getConfig().getConfiguration().setString(m.group(1), m.group(2));
        }
    }

    /** A case runs its dml to start jobs; one that starts none fails when it runs. */
    private static Optional<SqlProblem> noJob(SqlCase sqlCase, Script dml) {
        if (dml.statements().stream().anyMatch(s -> StatementKind.startsJob(s.statement().text()))) {
            return Optional.empty();
        }
        Script.Statement first = dml.isEmpty() ? new Script.Statement(Path.of(sqlCase.source()), "dml",
                new SqlStatement(sqlCase.dml(), sqlCase.dmlSource(), 1, sqlCase.dmlLine())) : dml.statements().get(0);
        return Optional.of(SqlProblem.of(first, "the dml starts no Flink job — give an INSERT INTO or a STATEMENT SET"
                + " that writes to a declared topic"));
    }

    private static List<SqlProblem> planValidations(TableEnvironment env, List<String> tables, Script queries,
            DummyPlaceholders placeholders) {
        if (queries.isEmpty()) {
            return List.of();
        }
        TableEnvironment views;
        try {
            views = ValidationViews.of(env, tables);
        } catch (RuntimeException e) {
            return List.of(FlinkMessages.problem(queries.statements().get(0), e));
        }
        return queries.statements().stream().flatMap(q -> run(views, q, placeholders).stream()).toList();
    }

    private static List<String> tables(Script ddl) {
        return ddl.statements().stream().flatMap(s -> s.statement().createdTable().stream()).toList();
    }

    private static Optional<Script.Statement> avroConfluentTable(Script ddl) {
        return ddl.statements().stream()
                .filter(s -> s.statement().text().contains("'" + AvroConfluentFormat.IDENTIFIER + "'")).findFirst();
    }

    /**
     * A streaming table environment; for avro-confluent with the class loading a run's sessions have, since the
     * format's jar brings its own build of Flink's Avro classes.
     */
    private static TableEnvironment environment(boolean avroConfluent) {
        Configuration conf = new Configuration();
        if (avroConfluent) {
            UserCodeClassLoading.configure(conf);
        }
        try {
            return TableEnvironment.create(EnvironmentSettings.newInstance().inStreamingMode()
                    .withConfiguration(conf).build());
        } catch (RuntimeException | LinkageError e) {
            throw new CommandException(ExitCodes.ENVIRONMENT, "the offline SQL check cannot start Flink's planner: "
                    + e, e);
        }
    }

    /** The avro-confluent format is not on the harness's classpath (see {@link AvroConfluentFormat}). */
    private static Optional<SqlProblem> addAvroConfluentJar(TableEnvironment env, Script.Statement user) {
        try {
            env.executeSql("ADD JAR '" + AvroConfluentFormat.jar().toString().replace("'", "''") + "'");
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(SqlProblem.of(user, "the SQL cannot be checked without the "
                    + AvroConfluentFormat.IDENTIFIER + " format's jar: " + e.getMessage()));
        }
    }
}
