package io.flinkharness.run;

import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.internal.FlinkErrorText;
import io.flinkharness.results.ResultRow;
import io.flinkharness.results.ResultTable;
import io.flinkharness.results.internal.RowChecks;
import io.flinkharness.results.internal.Settings;
import io.flinkharness.results.internal.TableComparer;
import io.flinkharness.rows.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;
import org.apache.flink.table.types.utils.TypeConversions;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs {@link ValidationQuery}s: the case's tables become views of the rows already read from their topics, and
 * the query runs as a batch job on the environment's Flink cluster (on the running cluster it takes well under a
 * second; a local one would start a cluster of its own each time). Batch, not streaming: a global aggregate over
 * no rows gives one row ({@code COUNT(*) = 0}), as a query over finished output should.
 */
final class ValidationQueries {
    private static final int ROWS_SHOWN = 10;

    private final FlinkKafkaEnvironment env;

    ValidationQueries(FlinkKafkaEnvironment env) {
        this.env = env;
    }

    /**
     * Runs the query over the tables (by table name) and compares its rows.
     *
     * @return the diff, if the rows differ
     * @throws IllegalArgumentException if Flink rejects the query, naming where it is written
     */
    Optional<String> check(ValidationQuery query, Map<String, ResultTable> tables) {
        ResultTable result = run(query, tables);
        return RowChecks.containsExactlyInAnyOrder(new TableComparer(result, Settings.DEFAULT), query.rows(), ROWS_SHOWN)
                .map(diff -> diff + "\nquery:\n" + query.sql().strip().indent(2).stripTrailing());
    }

    ResultTable run(ValidationQuery query, Map<String, ResultTable> tables) {
        StreamExecutionEnvironment streams = StreamExecutionEnvironment.createRemoteEnvironment(
                env.flinkRestUri().getHost(), env.flinkRestUri().getPort(), remote());
        streams.setRuntimeMode(RuntimeExecutionMode.BATCH);
        StreamTableEnvironment t = StreamTableEnvironment.create(streams,
                EnvironmentSettings.newInstance().inBatchMode().build());
        tables.forEach((name, table) -> t.createTemporaryView(name, table.isEmpty()
                // a bounded source of no elements fails; one row of nulls, filtered out, has the same columns
                ? t.fromDataStream(view(streams, table)).where(org.apache.flink.table.api.Expressions.lit(false))
                : t.fromDataStream(view(streams, table))));
        TableResult result;
        try {
            result = t.sqlQuery(query.sql()).execute();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(query.source() + ": the validation query failed: "
                    + FlinkErrorText.chain(FlinkErrorText.causes(stackTrace(e))) + " — the tables it can read: "
                    + tables.keySet(), e);
        }
        List<Column> columns = result.getResolvedSchema().getColumns();
        List<Row> rows = new ArrayList<>();
        try (CloseableIterator<org.apache.flink.types.Row> it = result.collect()) {
            while (it.hasNext()) {
                // batch results are inserts; applying the kinds keeps this right should a query ever stream
                org.apache.flink.types.Row r = it.next();
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    values.put(columns.get(i).getName(), r.getField(i));
                }
                Row row = Row.of(values);
                switch (r.getKind()) {
                    case INSERT, UPDATE_AFTER -> rows.add(row);
                    case UPDATE_BEFORE, DELETE -> rows.remove(row);
                    default -> throw new IllegalStateException("unknown row kind " + r.getKind());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(query.source() + ": the validation query failed while it ran: "
                    + FlinkErrorText.chain(FlinkErrorText.causes(stackTrace(e))), e);
        }
        RowType type = (RowType) DataTypes.ROW(columns.stream()
                .map(c -> DataTypes.FIELD(c.getName(), c.getDataType())).toArray(DataTypes.Field[]::new))
                .getLogicalType();
        return ResultTable.fromRows("validation '" + query.name() + "'", type, rows).withOrigin(query.source());
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private Configuration remote() {
        Configuration c = new Configuration();
        c.setString("table.local-time-zone", "UTC");
        // one task per operator: the rows are few, and the cluster's network buffers are shared with the cases' jobs
        c.setString("parallelism.default", "1");
        // the adaptive batch scheduler would otherwise choose parallelisms up to 128, and as many subpartitions
        c.setString("execution.batch.adaptive.auto-parallelism.enabled", "false");
        c.setString("pipeline.name", "flink-sql-harness: validation query");
        return c;
    }

    /**
     * The table's rows as one bounded source (a {@code fromValues} view would plan one branch per row), with the
     * table's column types; nullable, as views of read rows.
     */
    private static DataStream<org.apache.flink.types.Row> view(StreamExecutionEnvironment streams, ResultTable table) {
        DataType type = DataTypes.ROW(table.columns().stream().map(c -> DataTypes.FIELD(c.name(),
                TypeConversions.fromLogicalToDataType(c.type()).nullable())).toArray(DataTypes.Field[]::new));
        List<org.apache.flink.types.Row> rows = new ArrayList<>();
        for (ResultRow row : table.rows()) {
            rows.add(org.apache.flink.types.Row.of(row.values().toArray()));
        }
        if (rows.isEmpty()) {
            rows.add(org.apache.flink.types.Row.of(new Object[table.columns().size()]));
        }
        TypeInformation<org.apache.flink.types.Row> info = ExternalTypeInfo.of(type);
        return streams.fromData(rows, info).setParallelism(1);
    }
}
