package io.orderflow.gateway.problem;

/** The caller's credentials were not accepted; 401. The message never says which of them was wrong. */
public class UnauthorizedException extends RuntimeException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
