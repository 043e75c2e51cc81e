package io.orderflow.gateway.problem;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The caller must wait before asking again; answered 429 with {@code Retry-After} in whole seconds. */
public class TooManyRequestsException extends ErrorResponseException {

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS, "Too many requests", detail),
                null);
        long seconds = retryAfterSeconds(retryAfter);
        getBody().setProperty("retryAfterSeconds", seconds);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    /** Whole seconds, rounded up, at least one. */
    static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
