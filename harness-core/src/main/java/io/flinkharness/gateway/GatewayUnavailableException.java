package io.flinkharness.gateway;

/** The SQL Gateway did not answer, or answered in a way that is not a statement error. */
public class GatewayUnavailableException extends RuntimeException {
    public GatewayUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
