package io.flinkharness.data.internal;

import io.flinkharness.gateway.SqlStatement;
import io.flinkharness.gateway.SqlStatementException;
import java.util.List;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;

/**
 * Resolves a {@code CREATE TABLE} statement with Flink's own parser and validator, without executing anything:
 * the statement becomes a {@link CreateTableOperation} whose table carries the resolved schema (physical,
 * computed and metadata columns, watermark, primary key) and the options, exactly as Flink would register it.
 * Not part of the public API.
 *
 * <p>One batch-mode table environment per JVM, created on first use. Its cost is loading the planner (about
 * 1.5 s on 2 cores, once per JVM and shared with any Flink SQL the JVM runs in-process, e.g. an embedded SQL
 * Gateway); a warm call takes a few milliseconds. Calls are serialised: a table environment is not thread-safe.
 */
public final class FlinkDdl {
    private FlinkDdl() {
    }

    private static final class Holder {
        static final TableEnvironmentInternal ENV =
                (TableEnvironmentInternal) TableEnvironment.create(EnvironmentSettings.inBatchMode());
    }

    /**
     * The CREATE TABLE operation of a statement, with the resolved table, or an IllegalArgumentException with
     * Flink's message.
     */
    public static CreateTableOperation resolve(SqlStatement statement) {
        List<Operation> operations = parse(statement);
        Operation operation = operations.get(0);
        if (!(operation instanceof CreateTableOperation create)) {
            throw new IllegalArgumentException(statement.location() + ": expected a CREATE TABLE statement with"
                    + " its columns, got " + operation.getClass().getSimpleName().replace("Operation", "")
                    + " (" + statement.head() + ") — RecordSchema.fromDdl reads the columns of a CREATE TABLE");
        }
        return create;
    }

    /** The object name of the table, as Flink resolves the identifier. */
    public static String tableName(SqlStatement statement) {
        Operation operation = parse(statement).get(0);
        return operation instanceof CreateTableOperation create ? create.getTableIdentifier().getObjectName() : "";
    }

    private static synchronized List<Operation> parse(SqlStatement statement) {
        try {
            return Holder.ENV.getParser().parse(statement.text());
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String rootText = root == e ? "" : root.getClass().getName() + ": " + root.getMessage();
            String message = String.valueOf(e.getMessage());
            throw new IllegalArgumentException(new SqlStatementException(statement, message, rootText).getMessage(), e);
        }
    }
}
