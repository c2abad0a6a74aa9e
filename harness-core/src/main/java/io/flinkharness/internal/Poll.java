package io.flinkharness.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Waits for a condition by probing it with a short, growing pause (1 ms up to 20 ms) between probes, never
 * longer than the limit. A timeout names what was awaited, the limit and the last state seen.
 */
public final class Poll {
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private Poll() {
    }

    /**
     * Probes until it returns a value.
     *
     * @param awaited what is awaited, for the timeout message ("job 8c1e… to finish")
     * @param probe returns the result once the condition holds, empty before
     * @param lastSeen describes the last state seen, for the timeout message
     */
    public static <T> T until(String awaited, Duration timeout, Supplier<Optional<T>> probe, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = TimeUnit.MILLISECONDS.toNanos(1);
        while (true) {
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ConditionTimeoutException(awaited, timeout, lastSeen.get());
            }
            LockSupport.parkNanos(Math.min(pause, left));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new ConditionTimeoutException(awaited + " (interrupted)", timeout, lastSeen.get());
            }
            pause = Math.min(pause * 2, MAX_PAUSE_NANOS);
        }
    }
}
