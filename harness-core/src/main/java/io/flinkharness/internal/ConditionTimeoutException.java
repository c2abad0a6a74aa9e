package io.flinkharness.internal;

import java.time.Duration;

/** A condition did not hold within its limit. */
public final class ConditionTimeoutException extends RuntimeException {
    private final String lastSeen;

    public ConditionTimeoutException(String awaited, Duration timeout, String lastSeen) {
        super("waited " + timeout.toMillis() + " ms for " + awaited + "; last seen: " + lastSeen);
        this.lastSeen = lastSeen;
    }

    public String lastSeen() {
        return lastSeen;
    }
}
