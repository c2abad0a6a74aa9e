package io.flinkharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A topic every test of the class (or this test method) gets, created before the test under a name unique to the
 * test; SQL names it {@code ${topic.NAME}}, a parameter {@code @Topic("NAME") SessionTopic} gets a handle to it.
 * Class topics are created first, then the method's.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(KafkaTopics.class)
public @interface KafkaTopic {
    /** The logical name, e.g. {@code "clicks"}. */
    String name();

    /** At least 1. */
    int partitions() default 1;
}
