package io.flinkharness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunnerSettingsTest {

    @Test
    void sessionJarsAreKeptInOrderAsAbsolutePathsWithoutChangingTheOriginal() {
        RunnerSettings none = RunnerSettings.defaults();
        RunnerSettings two = none.withSessionJar(Path.of("a.jar")).withSessionJar(Path.of("/opt/b.jar"));

        assertThat(none.sessionJars()).isEmpty();
        assertThat(two.sessionJars()).containsExactly(Path.of("a.jar").toAbsolutePath(), Path.of("/opt/b.jar"));
        assertThatThrownBy(() -> two.sessionJars().add(Path.of("c.jar"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void otherCopiesKeepTheSessionJars() {
        RunnerSettings settings = RunnerSettings.defaults().withSessionJar(Path.of("/opt/b.jar"))
                .withParallelism(2).withSessionOption("k", "v");

        assertThat(settings.sessionJars()).containsExactly(Path.of("/opt/b.jar"));
    }

    @Test
    void aNullJarIsRefused() {
        assertThatThrownBy(() -> RunnerSettings.defaults().withSessionJar(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("jar cannot be null");
    }
}
