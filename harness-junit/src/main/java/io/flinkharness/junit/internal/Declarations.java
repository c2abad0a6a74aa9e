package io.flinkharness.junit.internal;

import io.flinkharness.junit.KafkaTopic;
import io.flinkharness.junit.SqlScript;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The topics and scripts a test declares with {@link KafkaTopic} and {@link SqlScript}, on its class (and enclosing
 * classes, outermost first) and then on its method, checked before anything runs. Not part of the public API.
 */
public final class Declarations {
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /** A script to run: where it was declared, and the resource or file it names. */
    public record Script(String declaredAt, String value, Optional<String> resource, Optional<Path> file) {
    }

    private final Map<String, KafkaTopic> topics;
    private final List<Script> scripts;

    private Declarations(Map<String, KafkaTopic> topics, List<Script> scripts) {
        this.topics = topics;
        this.scripts = scripts;
    }

    /**
     * Reads and checks the declarations of a class (for {@code beforeAll}) or of a test method.
     *
     * @throws IllegalArgumentException naming the annotation, where it is and what is wrong
     */
    public static Declarations of(Class<?> testClass, Optional<Method> method, ClassLoader loader) {
        List<AnnotatedElement> elements = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            elements.add(0, c);
        }
        method.ifPresent(elements::add);
        Map<String, KafkaTopic> topics = new LinkedHashMap<>();
        List<Script> scripts = new ArrayList<>();
        for (AnnotatedElement element : elements) {
            String at = where(element);
            for (KafkaTopic topic : AnnotationSupport.findRepeatableAnnotations(element, KafkaTopic.class)) {
                String shown = "@KafkaTopic(name = \"" + topic.name() + "\")";
                if (!TOPIC_NAME.matcher(topic.name()).matches()) {
                    throw new IllegalArgumentException(shown + " on " + at + ": '" + topic.name() + "' is not a valid"
                            + " Kafka topic name — use letters, digits, '.', '_' and '-'");
                }
                if (topic.partitions() < 1) {
                    throw new IllegalArgumentException(shown + " on " + at + " requires partitions >= 1 but was "
                            + topic.partitions());
                }
                if (topics.putIfAbsent(topic.name(), topic) != null) {
                    throw new IllegalArgumentException(shown + " on " + at + " is declared twice — each topic name"
                            + " once, on the class or on the method");
                }
            }
            for (SqlScript script : AnnotationSupport.findRepeatableAnnotations(element, SqlScript.class)) {
                scripts.add(script(script.value(), "@SqlScript(\"" + script.value() + "\") on " + at, loader));
            }
        }
        return new Declarations(topics, scripts);
    }

    private static String where(AnnotatedElement element) {
        return element instanceof Method m ? m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()"
                : ((Class<?>) element).getSimpleName();
    }

    private static Script script(String value, String declaredAt, ClassLoader loader) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(declaredAt + ": name a classpath resource or a file");
        }
        boolean classpathOnly = value.startsWith("classpath:");
        boolean fileOnly = value.startsWith("file:");
        String name = classpathOnly ? value.substring("classpath:".length())
                : fileOnly ? value.substring("file:".length()) : value;
        if (!fileOnly) {
            String resource = name.startsWith("/") ? name.substring(1) : name;
            URL url = loader.getResource(resource);
            if (url != null) {
                return new Script(declaredAt, value, Optional.of(resource), Optional.empty());
            }
        }
        Path file = Path.of(name);
        if (!classpathOnly && Files.isRegularFile(file)) {
            return new Script(declaredAt, value, Optional.empty(), Optional.of(file));
        }
        String looked = classpathOnly ? "no classpath resource '" + name + "'"
                : fileOnly ? "no file " + file.toAbsolutePath()
                : "no classpath resource '" + name + "' and no file " + file.toAbsolutePath();
        throw new IllegalArgumentException(declaredAt + ": " + looked + " — put the script under src/test/resources"
                + " (or give a path relative to " + Path.of("").toAbsolutePath() + ")");
    }

    /** The declared topics by logical name, class topics first. */
    public Map<String, KafkaTopic> topics() {
        return topics;
    }

    public List<Script> scripts() {
        return scripts;
    }
}
