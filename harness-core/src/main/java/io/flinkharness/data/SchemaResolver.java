package io.flinkharness.data;

/**
 * Finds the schema a {@link GeneratorSpec} names. Case files resolve {@code table} against their own DDL and
 * {@code avroFile} relative to the case file.
 */
public interface SchemaResolver {
    /** The schema of a table created by the case's DDL. */
    RecordSchema table(String name);

    /** The schema of a {@code CREATE TABLE} statement. */
    RecordSchema ddl(String createTable);

    /** The schema of an Avro schema, as JSON text. */
    default RecordSchema avro(String json) {
        return RecordSchema.fromAvro(json);
    }

    /** The schema of an {@code .avsc} file. */
    RecordSchema avroFile(String path);

    /** The schema of a subject in a schema registry ({@code version}: a number or {@code latest}). */
    RecordSchema registry(String subject, String version, String url);
}
