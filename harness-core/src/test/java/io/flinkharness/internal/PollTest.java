package io.flinkharness.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollTest {
    private static final Duration LONG = Duration.ofMinutes(5);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void returnsTheFirstValueWithoutAnotherProbe() {
        AtomicInteger probes = new AtomicInteger();

        String result = Poll.until("job 8c1e to finish", LONG, () -> {
            probes.incrementAndGet();
            return Optional.of("FINISHED");
        }, () -> "never asked");

        assertThat(result).isEqualTo("FINISHED");
        assertThat(probes).hasValue(1);
    }

    @Test
    void probesAgainUntilTheProbeYields() {
        AtomicInteger probes = new AtomicInteger();

        int result = Poll.until("the third probe", LONG,
                () -> probes.incrementAndGet() == 3 ? Optional.of(42) : Optional.empty(), () -> "not yet");

        assertThat(result).isEqualTo(42);
        assertThat(probes).hasValue(3);
    }

    @Test
    void doesNotAskForTheLastSeenStateWhenTheProbeYields() {
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger probes = new AtomicInteger();

        Poll.until("x", LONG, () -> probes.incrementAndGet() == 2 ? Optional.of(1) : Optional.empty(), () -> {
            asked.incrementAndGet();
            return "state";
        });

        assertThat(asked).hasValue(0);
    }

    @Test
    void aTimeoutNamesWhatWasAwaitedTheLimitAndTheLastStateSeen() {
        assertThatThrownBy(() -> Poll.until("job 8c1e to finish", Duration.ofMillis(50), Optional::empty, () -> "RUNNING"))
                .isInstanceOf(ConditionTimeoutException.class)
                .hasMessage("waited 50 ms for job 8c1e to finish; last seen: RUNNING");
    }

    @Test
    void theLastStateSeenIsTakenAfterTheLastProbe() {
        AtomicInteger probes = new AtomicInteger();
        AtomicReference<String> state = new AtomicReference<>("nothing");

        ConditionTimeoutException e = catchThrowableOfType(ConditionTimeoutException.class,
                () -> Poll.until("rows", Duration.ofMillis(50), () -> {
                    state.set("probe " + probes.incrementAndGet());
                    return Optional.empty();
                }, state::get));

        assertThat(e.lastSeen()).isEqualTo("probe " + probes.get());
        assertThat(e).hasMessage("waited 50 ms for rows; last seen: probe " + probes.get());
    }

    @Test
    void aZeroLimitStillProbesOnce() {
        AtomicInteger probes = new AtomicInteger();

        assertThatThrownBy(() -> Poll.until("x", Duration.ZERO, () -> {
            probes.incrementAndGet();
            return Optional.empty();
        }, () -> "s")).isInstanceOf(ConditionTimeoutException.class).hasMessage("waited 0 ms for x; last seen: s");
        assertThat(probes).hasValue(1);
        assertThat(Poll.until("x", Duration.ZERO, () -> Optional.of("yes"), () -> "s")).isEqualTo("yes");
    }

    @Test
    void anExceptionOfTheProbeIsNotCaught() {
        IllegalStateException failure = new IllegalStateException("job FAILED");

        assertThatThrownBy(() -> Poll.until("x", LONG, () -> {
            throw failure;
        }, () -> "s")).isSameAs(failure);
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Poll.until("job 8c1e to finish", LONG, Optional::empty, () -> "RUNNING"))
                .isInstanceOf(ConditionTimeoutException.class)
                .hasMessage("waited 300000 ms for job 8c1e to finish (interrupted); last seen: RUNNING");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }
}
