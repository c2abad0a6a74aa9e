package io.flinkharness.env;

/** An environment could not be started; whatever it had started was stopped before this was thrown. */
public class EnvironmentStartException extends RuntimeException {
    public EnvironmentStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
