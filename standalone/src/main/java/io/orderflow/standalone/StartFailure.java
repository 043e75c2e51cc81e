package io.orderflow.standalone;

/**
 * A start that cannot succeed with the settings it was given: what is wrong and what to change, each in one
 * sentence. {@link StartFailureAnalyzer} reports it.
 */
public final class StartFailure extends RuntimeException {

    private final String action;

    public StartFailure(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
