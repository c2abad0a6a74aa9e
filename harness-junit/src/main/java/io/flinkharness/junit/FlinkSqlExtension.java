package io.flinkharness.junit;

import io.flinkharness.env.EmbeddedEnvironment;
import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.run.CaseRunner;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the embedded environment on first use and keeps it in the root store, so JUnit closes it once after
 * the last test of the run; gives each test class its own {@link CaseRunner}, closed after the class.
 * Use it through {@link FlinkSqlTest}.
 */
public final class FlinkSqlExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FlinkSqlExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == CaseRunner.class || type == FlinkKafkaEnvironment.class || type == EmbeddedEnvironment.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == CaseRunner.class) {
            return runner(context);
        }
        return environment(context);
    }

    private static EmbeddedEnvironment environment(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(EmbeddedEnvironment.class, key -> EmbeddedEnvironment.start(),
                        EmbeddedEnvironment.class);
    }

    private static CaseRunner runner(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(CaseRunner.class, key -> CaseRunner.on(environment(context)), CaseRunner.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestClass().isPresent() && current.getTestMethod().isPresent()) {
            current = current.getParent().orElse(current);
        }
        return current;
    }
}
