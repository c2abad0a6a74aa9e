package io.flinkharness.internal;

import java.time.Duration;

/** A condition did not hold within its limit. */
public final class ConditionTimeoutException extends RuntimeException {
    private final String lastSeen;

    public ConditionTimeoutException(String awaited, Duration timeout, String lastSeen) {
        super("waited " + timeout.toMillis() + " ms for " + awaited + "; last seen: " + lastSeen);
        this.lastSeen = lastSeen;
    }

    private ConditionTimeoutException(String message, String lastSeen, Throwable cause) {
        super(message, cause);
        this.lastSeen = lastSeen;
    }

    /** The same timeout with a hint at the likely fix appended to its message. */
    public ConditionTimeoutException withHint(String hint) {
        return new ConditionTimeoutException(getMessage() + " — " + hint, lastSeen, this);
    }

    public String lastSeen() {
        return lastSeen;
    }
}
