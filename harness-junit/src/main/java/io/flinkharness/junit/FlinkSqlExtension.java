package io.flinkharness.junit;

import io.flinkharness.env.FlinkKafkaEnvironment;
import io.flinkharness.internal.Durations;
import io.flinkharness.junit.internal.Declarations;
import io.flinkharness.junit.internal.EnvironmentChoice;
import io.flinkharness.junit.internal.FailureReport;
import io.flinkharness.flink.JobStatus;
import io.flinkharness.run.OutputStallError;
import io.flinkharness.junit.internal.SharedEnvironments;
import io.flinkharness.run.CaseRunner;
import io.flinkharness.run.RunnerSettings;
import io.flinkharness.run.SessionTopic;
import io.flinkharness.run.TestSession;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link FlinkSqlTest}. Register it in code for settings the annotation cannot hold:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FlinkSqlExtension FLINK = FlinkSqlExtension.builder()
 *         .timeout(Duration.ofMinutes(2))
 *         .runnerSettings(RunnerSettings.defaults().withSessionOption("table.exec.mini-batch.enabled", "true"))
 *         .build();
 * }</pre>
 *
 * <p>A registered instance must be {@code static} (the environment outlives test instances); a class with both a
 * registered instance and {@code @FlinkSqlTest} uses the registered one's settings.
 */
public final class FlinkSqlExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver, TestExecutionExceptionHandler {
    /** The system property that chooses the environment when the annotation or builder does not. */
    public static final String ENVIRONMENT_PROPERTY = "flinkharness.environment";
    /** The environment variable that chooses the environment when neither annotation, builder nor property do. */
    public static final String ENVIRONMENT_VARIABLE = "FLINK_HARNESS_ENVIRONMENT";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FlinkSqlExtension.class);
    private static final String SESSION = "session";
    private static final String SETTINGS = "settings";
    private static final Map<Class<?>, Optional<FlinkSqlExtension>> REGISTERED = new ConcurrentHashMap<>();

    private final Optional<Settings> programmatic;

    /** The instance {@link FlinkSqlTest} registers: settings come from the annotation. */
    public FlinkSqlExtension() {
        this.programmatic = Optional.empty();
    }

    private FlinkSqlExtension(Settings settings) {
        this.programmatic = Optional.of(settings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Immutable settings of the tests of a class. */
    private record Settings(String environment, String declaredAt, Duration timeout, RunnerSettings runner,
                            boolean keepTopicsOnFailure) {
    }

    // ---- lifecycle

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!active(context)) {
            return;
        }
        settings(context);
        configuration(() -> Declarations.of(context.getRequiredTestClass(), Optional.empty(), loader(context)));
        lease(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!active(context)) {
            return;
        }
        Settings settings = settings(context);
        Method method = context.getRequiredTestMethod();
        Declarations declarations = configuration(() -> Declarations.of(context.getRequiredTestClass(),
                Optional.of(method), loader(context)));
        CaseRunner runner = lease(context).runner(settings.runner());
        TestSession session = runner.openSession(context.getRequiredTestClass().getSimpleName() + " "
                + method.getName(), settings.timeout());
        context.getStore(NAMESPACE).put(SESSION, new SessionResource(session));
        Map<String, Integer> topics = new java.util.LinkedHashMap<>();
        declarations.topics().values().forEach(t -> topics.put(t.name(), t.partitions()));
        // Kafka creates the topics while the gateway runs the scripts: DDL only needs their names
        java.util.concurrent.CompletableFuture<?> created = session.createTopicsAsync(topics);
        for (Declarations.Script script : declarations.scripts()) {
            try {
                if (script.resource().isPresent()) {
                    session.executeResource(script.resource().get());
                } else {
                    session.executeFile(script.file().orElseThrow());
                }
            } catch (RuntimeException e) {
                created.exceptionally(ignored -> null).join();
                throw new IllegalStateException(script.declaredAt() + ": " + e.getMessage() + System.lineSeparator()
                        + System.lineSeparator() + session.describe(), e);
            }
        }
        try {
            created.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!active(context)) {
            return;
        }
        SessionResource resource = context.getStore(NAMESPACE).get(SESSION, SessionResource.class);
        if (resource == null) {
            return;
        }
        if (context.getExecutionException().isPresent() && settings(context).keepTopicsOnFailure()) {
            resource.session().keepTopics();
        }
        resource.close();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        SessionResource resource = active(context) ? context.getStore(NAMESPACE).get(SESSION, SessionResource.class)
                : null;
        if (resource == null) {
            throw throwable;
        }
        String kept = settings(context).keepTopicsOnFailure()
                ? "\n  the topics are kept for inspection until the environment stops" : "";
        throw FailureReport.enrich(throwable, resource.session().describe() + kept + diagnosis(resource.session(),
                throwable));
    }

    /**
     * Why a running job's output may be missing or short, next to the diff of a failed assertion; a wait that
     * timed out has put its own diagnosis in the message already.
     */
    private static String diagnosis(TestSession session, Throwable failure) {
        if (failure instanceof OutputStallError) {
            return "";
        }
        try {
            boolean running = session.jobs().stream().anyMatch(j -> j.status() == JobStatus.RUNNING);
            return running ? System.lineSeparator() + session.diagnose().render() : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    // ---- parameters

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        if (!active(context)) {
            return false;
        }
        Class<?> type = parameter.getParameter().getType();
        return type == TestSession.class || type == SessionTopic.class || type == CaseRunner.class
                || type == FlinkKafkaEnvironment.class
                || (FlinkKafkaEnvironment.class.isAssignableFrom(type) && type.isInstance(lease(context).environment()));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == CaseRunner.class) {
            return lease(context).runner(settings(context).runner());
        }
        if (FlinkKafkaEnvironment.class.isAssignableFrom(type)) {
            return lease(context).environment();
        }
        SessionResource resource = context.getTestMethod().isEmpty() ? null
                : context.getStore(NAMESPACE).get(SESSION, SessionResource.class);
        if (resource == null) {
            throw new ParameterResolutionException(type.getSimpleName() + " (" + where(parameter)
                    + "): a test session exists per test — declare it on the test method or a @BeforeEach/@AfterEach"
                    + " method, not on a constructor or @BeforeAll");
        }
        if (type == TestSession.class) {
            return resource.session();
        }
        Optional<Topic> topic = parameter.findAnnotation(Topic.class);
        if (topic.isEmpty()) {
            throw new ParameterResolutionException("SessionTopic (" + where(parameter) + ") needs @Topic(\"name\")"
                    + " to say which topic");
        }
        try {
            return resource.session().topic(topic.get().value());
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException("@Topic(\"" + topic.get().value() + "\") on " + where(parameter)
                    + ": no @KafkaTopic(name = \"" + topic.get().value() + "\") on the test or its class; declared: "
                    + resource.session().topics().stream().map(SessionTopic::logicalName).toList());
        }
    }

    private static String where(ParameterContext parameter) {
        java.lang.reflect.Executable executable = parameter.getDeclaringExecutable();
        String owner = executable.getDeclaringClass().getSimpleName();
        return "parameter " + parameter.getIndex() + " of " + (executable instanceof java.lang.reflect.Constructor<?>
                ? "the " + owner + " constructor" : owner + "." + executable.getName() + "()");
    }

    // ---- settings, environment, which instance is active

    /**
     * Whether this instance serves the test class: a static {@code @RegisterExtension} instance if the class (or an
     * enclosing one) has one, else the one the annotation registered.
     */
    private boolean active(ExtensionContext context) {
        Class<?> testClass = context.getTestClass().orElse(null);
        if (testClass == null) {
            return false;
        }
        Optional<FlinkSqlExtension> registered = REGISTERED.computeIfAbsent(testClass, FlinkSqlExtension::registered);
        return registered.map(r -> r == this).orElse(programmatic.isEmpty());
    }

    private static Optional<FlinkSqlExtension> registered(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(c, RegisterExtension.class)) {
                if (FlinkSqlExtension.class.isAssignableFrom(field.getType())) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        throw new ExtensionConfigurationException("@RegisterExtension field " + c.getSimpleName() + "."
                                + field.getName() + " must be static: the environment is shared by the whole run");
                    }
                    try {
                        field.setAccessible(true);
                        return Optional.ofNullable((FlinkSqlExtension) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new ExtensionConfigurationException("cannot read " + field, e);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private Settings settings(ExtensionContext context) {
        if (programmatic.isPresent()) {
            return programmatic.get();
        }
        Class<?> testClass = context.getRequiredTestClass();
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SETTINGS + ":" + testClass.getName(),
                key -> configuration(() -> fromAnnotation(testClass)), Settings.class);
    }

    private static Settings fromAnnotation(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            Optional<FlinkSqlTest> annotation = AnnotationSupport.findAnnotation(c, FlinkSqlTest.class);
            if (annotation.isPresent()) {
                FlinkSqlTest a = annotation.get();
                String at = "@FlinkSqlTest on " + c.getSimpleName();
                Duration interval = duration(a.checkpointInterval(), at, "checkpointInterval");
                return new Settings(a.environment(), at, duration(a.timeout(), at, "timeout"),
                        RunnerSettings.defaults().withCheckpointInterval(interval), a.keepTopicsOnFailure());
            }
        }
        return new Settings("", "@ExtendWith(FlinkSqlExtension.class) on " + testClass.getSimpleName(),
                io.flinkharness.run.SqlCase.DEFAULT_TIMEOUT, RunnerSettings.defaults(), true);
    }

    private static Duration duration(String text, String at, String attribute) {
        Duration d = Durations.parseOrNull(text);
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(at + ": " + attribute + " = \"" + text + "\" is not a positive"
                    + " duration — write e.g. 500ms, 90s, 2m or PT2M");
        }
        return d;
    }

    private SharedEnvironments.Lease lease(ExtensionContext context) {
        Settings settings = settings(context);
        EnvironmentChoice choice = configuration(() -> EnvironmentChoice.resolve(settings.environment(),
                settings.declaredAt(), ENVIRONMENT_PROPERTY, ENVIRONMENT_VARIABLE, properties(), System.getenv()));
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("environment:" + choice.name(),
                key -> SharedEnvironments.acquire(choice), SharedEnvironments.Lease.class);
    }

    private static Map<String, String> properties() {
        String value = System.getProperty(ENVIRONMENT_PROPERTY);
        return value == null ? Map.of() : Map.of(ENVIRONMENT_PROPERTY, value);
    }

    private static ClassLoader loader(ExtensionContext context) {
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    /** A mistake in how the test is set up fails as a configuration error, with the message as it is. */
    private static <T> T configuration(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    /** Closes the session when the test's context closes, if {@code afterEach} did not. */
    @SuppressWarnings("deprecation")
    private record SessionResource(TestSession session) implements AutoCloseable,
            ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            session.close();
        }
    }

    /** Builds a {@link FlinkSqlExtension} with settings in code. */
    public static final class Builder {
        private String environment = "";
        private Duration timeout = io.flinkharness.run.SqlCase.DEFAULT_TIMEOUT;
        private RunnerSettings runner = RunnerSettings.defaults();
        private boolean keepTopicsOnFailure = true;

        private Builder() {
        }

        /** {@code "embedded"}; unset, the system property or environment variable decides, else embedded. */
        public Builder environment(String name) {
            this.environment = Objects.requireNonNull(name, "name cannot be null");
            return this;
        }

        /** The limit of every wait of a test: statements, jobs, reads. */
        public Builder timeout(Duration limit) {
            Objects.requireNonNull(limit, "limit cannot be null");
            if (limit.isZero() || limit.isNegative()) {
                throw new IllegalArgumentException("timeout must be positive, got " + Durations.show(limit));
            }
            this.timeout = limit;
            return this;
        }

        /** Checkpoint interval, parallelism, session options and jars of every test's session. */
        public Builder runnerSettings(RunnerSettings settings) {
            this.runner = Objects.requireNonNull(settings, "settings cannot be null");
            return this;
        }

        public Builder keepTopicsOnFailure(boolean keep) {
            this.keepTopicsOnFailure = keep;
            return this;
        }

        public FlinkSqlExtension build() {
            return new FlinkSqlExtension(new Settings(environment, "FlinkSqlExtension.builder()", timeout, runner,
                    keepTopicsOnFailure));
        }
    }
}
