package io.orderflow.gateway.problem;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The problem types of the API and the one way a problem body is made. */
public final class Problems {

    public static final URI INVALID_REQUEST = type("invalid-request");
    public static final URI UNAUTHORIZED = type("unauthorized");
    public static final URI FORBIDDEN = type("forbidden");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI CONFLICT = type("conflict");
    public static final URI TOO_MANY_REQUESTS = type("too-many-requests");
    public static final URI UNAVAILABLE = type("temporarily-unavailable");
    public static final URI INTERNAL = type("internal-error");
    /** An HTTP-level failure with nothing more to say than its status (method not allowed, not acceptable, ...). */
    public static final URI HTTP = URI.create("about:blank");

    /** What a 503 asks the caller to wait before sending the request again, in {@code Retry-After}. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    /** {@link #RETRY_AFTER} as the header gives it: whole seconds. */
    public static final String RETRY_AFTER_SECONDS = Long.toString(RETRY_AFTER.toSeconds());

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type);
        body.setTitle(title);
        return body;
    }

    /** A 503: nothing is wrong with the request, and it can be sent again after {@link #RETRY_AFTER}. */
    public static ProblemDetail unavailable(String detail) {
        ProblemDetail body = of(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, "Temporarily unavailable", detail);
        body.setProperty("retryAfterSeconds", RETRY_AFTER.toSeconds());
        return body;
    }

    /** A 400 naming each offending field in {@code errors}, sorted by field, and all of them in its detail. */
    public static ProblemDetail invalid(List<FieldProblem> problems) {
        var sorted = problems.stream()
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        String detail = sorted.stream()
                .map(FieldProblem::toString)
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        ProblemDetail body = of(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", detail);
        body.setProperty("errors", sorted);
        return body;
    }

    private static URI type(String name) {
        return URI.create("https://orderflow.dev/problems/" + name);
    }
}
