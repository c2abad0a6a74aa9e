package io.flinkharness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the embedded Kafka + Flink environment, started once for the whole test run and
 * shared by every annotated class. Test methods, constructors and lifecycle methods can declare parameters of
 * type {@link io.flinkharness.run.CaseRunner} or {@link io.flinkharness.env.FlinkKafkaEnvironment}.
 *
 * <pre>{@code
 * @FlinkSqlTest
 * class ClicksPerMinuteTest {
 *     @Test
 *     void countsClicksPerUserAndMinute(CaseRunner runner) {
 *         runner.run(SqlCase.named("clicks per minute")...build()).assertPassed();
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FlinkSqlExtension.class)
public @interface FlinkSqlTest {
}
