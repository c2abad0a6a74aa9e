package io.flinkharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A SQL script run in the test's session before the test, after its {@link KafkaTopic}s exist: typically the
 * {@code CREATE TABLE}s. Placeholders ({@code ${topic.NAME}}, {@code ${bootstrap.servers}}, {@code ${case.id}},
 * {@code ${schema.registry.url}}) are replaced. Class scripts run first, then the method's, each in order.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(SqlScripts.class)
public @interface SqlScript {
    /**
     * A classpath resource ({@code "sql/tables.sql"} or {@code "classpath:sql/tables.sql"}) or a file
     * ({@code "file:src/main/sql/tables.sql"}, relative to the working directory); without a prefix the classpath is
     * tried first, then the file system.
     */
    String value();
}
