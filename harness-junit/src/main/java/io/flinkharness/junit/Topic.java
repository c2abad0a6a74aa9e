package io.flinkharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects the {@link io.flinkharness.run.SessionTopic} of a topic the test declared with {@link KafkaTopic}:
 * {@code void test(@Topic("clicks") SessionTopic clicks)}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Topic {
    /** The topic's logical name, as in {@link KafkaTopic#name()}. */
    String value();
}
