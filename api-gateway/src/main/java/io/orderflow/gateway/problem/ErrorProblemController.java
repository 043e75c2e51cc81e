package io.orderflow.gateway.problem;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors that never reach a controller (a request the firewall rejects, a failure in a filter) with a
 * problem body too, in place of Boot's default error JSON; like every other body, it names nothing internal. A 503
 * (a store that cannot be reached, told by {@code RequestIdFilter}) says when to send the request again.
 */
@Hidden
@RestController
class ErrorProblemController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail body = switch (status) {
            case BAD_REQUEST ->
                Problems.of(
                        status,
                        Problems.INVALID_REQUEST,
                        "Invalid request",
                        "The request is malformed or was rejected before it could be read");
            case NOT_FOUND -> Problems.of(status, Problems.NOT_FOUND, "Not found", "There is nothing at this address");
            case SERVICE_UNAVAILABLE ->
                Problems.unavailable("A store the platform needs cannot be reached; send the request again later");
            case INTERNAL_SERVER_ERROR ->
                Problems.of(
                        status,
                        Problems.INTERNAL,
                        "Internal error",
                        "The request could not be completed; it has been logged");
            default -> Problems.of(status, Problems.HTTP, status.getReasonPhrase(), status.getReasonPhrase());
        };
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
            body.setInstance(URI.create(uri.replaceAll("[^\\x21-\\x7E]", "")));
        }
        var answer = ResponseEntity.status(status);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
        }
        return answer.body(body);
    }
}
