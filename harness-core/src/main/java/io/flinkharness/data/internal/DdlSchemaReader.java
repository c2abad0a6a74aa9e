package io.flinkharness.data.internal;

import io.flinkharness.data.DeclaredWatermark;
import io.flinkharness.data.RecordSchema;
import io.flinkharness.gateway.SqlScript;
import io.flinkharness.gateway.SqlStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.catalog.WatermarkSpec;
import org.apache.flink.table.operations.ddl.CreateTableOperation;
import org.apache.flink.table.types.logical.RowType;

/**
 * Turns a Flink {@code CREATE TABLE} statement into a {@link RecordSchema}: the physical columns, the field
 * that carries event time, the declared watermark and the Kafka key. Not part of the public API.
 */
public final class DdlSchemaReader {
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?is)^CREATE\\s+(?:TEMPORARY\\s+)?TABLE\\b.*");
    private static final Pattern QUOTED_IDENTIFIER = Pattern.compile("`((?:[^`]|``)+)`(\\s*\\()?");
    private static final String EMIT_STRATEGY = "scan.watermark.emit.strategy";

    private DdlSchemaReader() {
    }

    /**
     * The schema of the one CREATE TABLE in {@code script} (or of the one named {@code table}, if given).
     *
     * @param source where the script came from, for messages ("clicks.sql")
     * @param fileName the file name to show in descriptions, if the script is a file
     */
    public static RecordSchema read(String script, String source, Optional<String> fileName, Optional<String> table) {
        List<SqlStatement> creates = createTables(script, source);
        SqlStatement statement = table.isPresent() ? named(creates, table.get(), source) : single(creates, source);
        return read(statement, fileName);
    }

    private static List<SqlStatement> createTables(String script, String source) {
        List<SqlStatement> statements = SqlScript.split(script, source);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no SQL statement — give a CREATE TABLE statement");
        }
        List<SqlStatement> creates = statements.stream()
                .filter(s -> CREATE_TABLE.matcher(withoutLeadingComments(s.text())).matches())
                .collect(Collectors.toList());
        if (creates.isEmpty()) {
            SqlStatement first = statements.get(0);
            throw new IllegalArgumentException(first.location() + ": expected a CREATE TABLE statement, got '"
                    + first.head() + "' — RecordSchema.fromDdl reads the columns of a CREATE TABLE");
        }
        return creates;
    }

    private static SqlStatement single(List<SqlStatement> creates, String source) {
        if (creates.size() > 1) {
            List<String> names = creates.stream().map(FlinkDdl::tableName).collect(Collectors.toList());
            throw new IllegalArgumentException(source + " declares " + creates.size() + " tables " + names
                    + " — name the one to read: RecordSchema.fromDdl(file, \"" + names.get(0) + "\")");
        }
        return creates.get(0);
    }

    private static SqlStatement named(List<SqlStatement> creates, String table, String source) {
        List<String> names = new ArrayList<>();
        for (SqlStatement s : creates) {
            String name = FlinkDdl.tableName(s);
            if (name.equals(table)) {
                return s;
            }
            names.add(name);
        }
        throw new IllegalArgumentException(source + " declares no table '" + table + "'; it declares " + names);
    }

    /** The schema of one CREATE TABLE statement; its description gives the statement's line. */
    public static RecordSchema read(SqlStatement statement, Optional<String> fileName) {
        rejectLike(statement);
        CreateTableOperation create = FlinkDdl.resolve(statement);
        ResolvedCatalogTable table = create.getCatalogTable();
        ResolvedSchema schema = table.getResolvedSchema();
        String name = create.getTableIdentifier().getObjectName();
        String description = "table " + name + " (" + fileName.map(f -> f + ", ").orElse("")
                + "CREATE TABLE at line " + statement.line() + ")";
        RowType rowType = (RowType) schema.toPhysicalRowDataType().getLogicalType();
        Map<String, String> options = table.getOptions();
        Optional<WatermarkSpec> watermark = schema.getWatermarkSpecs().stream().findFirst();
        Optional<String> eventTime = watermark.flatMap(w -> eventTimeField(schema, w.getRowtimeAttribute(), description));
        Optional<DeclaredWatermark> declared = watermark.map(w -> declared(w, options, description));
        return new RecordSchema(description, rowType, Optional.empty(), eventTime, declared,
                keyFields(schema, options, description), exceptKey(options), options);
    }

    /**
     * The physical column that carries the rowtime: the rowtime itself, or the one physical column a computed
     * rowtime is computed from; empty when the rowtime is the Kafka record timestamp (metadata 'timestamp').
     */
    private static Optional<String> eventTimeField(ResolvedSchema schema, String rowtime, String description) {
        Column column = schema.getColumn(rowtime).orElseThrow();
        if (column.isPhysical()) {
            return Optional.of(rowtime);
        }
        if (column instanceof Column.MetadataColumn metadata) {
            return recordTimestamp(metadata, rowtime, description);
        }
        Column.ComputedColumn computed = (Column.ComputedColumn) column;
        String expression = computed.getExpression().asSerializableString();
        Set<String> referenced = referencedColumns(expression, schema);
        if (referenced.size() == 1) {
            Column source = schema.getColumn(referenced.iterator().next()).orElseThrow();
            if (source.isPhysical()) {
                return Optional.of(source.getName());
            }
            if (source instanceof Column.MetadataColumn metadata) {
                return recordTimestamp(metadata, rowtime, description);
            }
        }
        throw new IllegalArgumentException(description + ": the rowtime `" + rowtime + "` AS " + expression
                + " is computed from " + (referenced.isEmpty() ? "no column" : "columns " + referenced)
                + " — the harness puts event time into one physical column (or the Kafka record timestamp):"
                + " compute the rowtime from exactly one physical column, e.g. TO_TIMESTAMP_LTZ(epoch_ms, 3)");
    }

    private static Optional<String> recordTimestamp(Column.MetadataColumn metadata, String rowtime, String description) {
        String key = metadata.getMetadataKey().orElse(metadata.getName());
        if (key.equals("timestamp")) {
            return Optional.empty();
        }
        throw new IllegalArgumentException(description + ": the rowtime `" + rowtime + "` comes from metadata '"
                + key + "' — the harness puts event time into a physical column or the Kafka record timestamp"
                + " (METADATA FROM 'timestamp')");
    }

    private static Set<String> referencedColumns(String expression, ResolvedSchema schema) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = QUOTED_IDENTIFIER.matcher(expression);
        while (m.find()) {
            String name = m.group(1).replace("``", "`");
            boolean functionCall = m.group(2) != null;
            if (!functionCall && schema.getColumn(name).isPresent()) {
                names.add(name);
            }
        }
        return names;
    }

    private static DeclaredWatermark declared(WatermarkSpec spec, Map<String, String> options, String description) {
        String rowtime = spec.getRowtimeAttribute();
        String expression = spec.getWatermarkExpression().asSerializableString();
        Duration delay = WatermarkDelays.read(expression, rowtime).orElseThrow(() -> new IllegalArgumentException(
                description + ": cannot read a fixed delay from WATERMARK FOR `" + rowtime + "` AS " + expression
                        + " — fromDdl reads `" + rowtime + "` - INTERVAL 'n' UNIT (DAY, HOUR, MINUTE, SECOND or a"
                        + " range of them) or `" + rowtime + "` alone; write the watermark that way, or give"
                        + " fromDdl the statement without its WATERMARK clause and declare the delay on the"
                        + " generator with .watermark(Duration)"));
        if (delay.isNegative()) {
            throw new IllegalArgumentException(description + ": WATERMARK FOR `" + rowtime + "` AS " + expression
                    + " puts the watermark ahead of the rowtime (delay " + delay + ") — subtract a positive interval");
        }
        String strategy = options.getOrDefault(EMIT_STRATEGY, "on-periodic");
        DeclaredWatermark.Emission emission = strategy.equalsIgnoreCase("on-event")
                ? DeclaredWatermark.Emission.ON_EVENT : DeclaredWatermark.Emission.PERIODIC;
        return new DeclaredWatermark(delay, emission);
    }

    /** {@code 'key.fields'}, or for upsert-kafka the primary key columns. */
    private static List<String> keyFields(ResolvedSchema schema, Map<String, String> options, String description) {
        String fields = options.get("key.fields");
        if (fields != null && !fields.isBlank()) {
            List<String> keys = new ArrayList<>();
            for (String field : fields.split(";")) {
                String name = field.strip();
                Optional<Column> column = schema.getColumn(name);
                if (column.isEmpty() || !column.get().isPhysical()) {
                    throw new IllegalArgumentException(description + ": 'key.fields' names '" + name + "', which is"
                            + " not a physical column; physical columns: " + physicalNames(schema));
                }
                keys.add(name);
            }
            return keys;
        }
        if ("upsert-kafka".equals(options.get("connector"))) {
            return schema.getPrimaryKey().map(UniqueConstraint::getColumns).orElseThrow(() ->
                    new IllegalArgumentException(description + ": an 'upsert-kafka' table needs a PRIMARY KEY"
                            + " (its columns form the Kafka key) — add PRIMARY KEY (...) NOT ENFORCED"));
        }
        return List.of();
    }

    private static boolean exceptKey(Map<String, String> options) {
        return options.getOrDefault("value.fields-include", "ALL").toUpperCase(Locale.ROOT).equals("EXCEPT_KEY");
    }

    private static List<String> physicalNames(ResolvedSchema schema) {
        return schema.getColumns().stream().filter(Column::isPhysical).map(Column::getName)
                .collect(Collectors.toList());
    }

    /**
     * A {@code LIKE} clause copies another table, which fromDdl cannot see: say so before Flink reports a
     * missing table.
     */
    private static void rejectLike(SqlStatement statement) {
        String code = blankQuotedAndComments(statement.text());
        Matcher like = Pattern.compile("(?i)\\bLIKE\\b").matcher(code);
        int from = 0;
        while (like.find(from)) {
            if (depthAt(code, like.start()) == 0) {
                throw new IllegalArgumentException(statement.location() + ": CREATE TABLE ... LIKE is not supported"
                        + " — RecordSchema.fromDdl reads one self-contained statement; write out the columns and"
                        + " options of the LIKE source in it");
            }
            from = like.end();
        }
    }

    private static int depthAt(String code, int end) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            char c = code.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth;
    }

    private static String blankQuotedAndComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = i;
            if (c == '\'' || c == '"' || c == '`') {
                end = sql.indexOf(c, i + 1);
                while (end > 0 && end + 1 < sql.length() && sql.charAt(end + 1) == c) {
                    end = sql.indexOf(c, end + 2);
                }
                end = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("--", i)) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
            }
            if (end > i) {
                out.append(" ".repeat(end - i));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static String withoutLeadingComments(String sql) {
        String s = sql.strip();
        while (s.startsWith("--") || s.startsWith("/*")) {
            int end = s.startsWith("--") ? s.indexOf('\n') : s.indexOf("*/");
            s = end < 0 ? "" : s.substring(end + (s.startsWith("--") ? 1 : 2)).strip();
        }
        return s;
    }
}
