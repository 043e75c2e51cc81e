package io.orderflow.gateway.problem;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns every failure into an RFC 9457 problem body. Validation problems name each offending field in
 * {@code errors}; nothing about the server's internals (class names, stack traces) is ever part of a body.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return invalid(ex.getBindingResult().getFieldErrors().stream().map(ProblemHandler::toProblem).toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        var problems = new ArrayList<FieldProblem>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors errors) {
                errors.getFieldErrors().forEach(error -> problems.add(toProblem(error)));
            } else {
                String name = parameterName(result.getMethodParameter());
                result.getResolvableErrors().forEach(error -> problems.add(new FieldProblem(name, error.getDefaultMessage())));
            }
        });
        return invalid(problems);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "There is nothing at this address"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String expected = ex.getRequiredType() == null ? "" : ex.getRequiredType().isEnum()
                ? "; one of " + java.util.Arrays.toString(ex.getRequiredType().getEnumConstants())
                : ex.getRequiredType() == java.time.Instant.class ? "; an ISO-8601 instant such as 2026-11-25T00:00:00Z" : "";
        return invalid(List.of(new FieldProblem(name, "has the wrong type or format" + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof StreamReadException syntax) {
            var location = syntax.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return invalid(List.of(new FieldProblem("body", "is not well-formed JSON" + where)));
        }
        if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(mapping.getPath()), "has the wrong type or format")));
        }
        return invalid(List.of(new FieldProblem("body", "is missing or is not a JSON object of the expected shape")));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
        ResponseEntity<Object> response = invalid(ex.errors());
        if (ex.rules() != null && response.getBody() instanceof ProblemDetail body) {
            body.setProperty("rules", ex.rules());
        }
        return response;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", ex.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException ex) {
        ProblemDetail body = problem(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", ex.getMessage());
        if (!ex.errors().isEmpty()) {
            body.setProperty("errors", ex.errors());
        }
        return body;
    }

    @ExceptionHandler(UnauthorizedException.class)
    ResponseEntity<ProblemDetail> unauthorized(UnauthorizedException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized", ex.getMessage()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException ex) {
        long seconds = ex.retryAfterSeconds();
        ProblemDetail body = problem(HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_REQUESTS, "Too many requests",
                ex.getMessage());
        body.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(body);
    }

    @ExceptionHandler({CompletionException.class, ExecutionException.class})
    Object unwrap(Exception ex) throws Exception {
        if (ex.getCause() instanceof Exception cause) {
            return handle(cause);
        }
        return internal(ex);
    }

    @ExceptionHandler({IllegalArgumentException.class, IllegalStateException.class, ConcurrencyException.class,
            TimeoutException.class, AggregateNotFoundException.class})
    Object handle(Exception ex) throws Exception {
        if (ex instanceof InvalidRequestException invalid) {
            return invalidRequest(invalid);
        }
        if (ex instanceof NotFoundException missing) {
            return notFound(missing);
        }
        if (ex instanceof AggregateNotFoundException) {
            return problem(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "There is no such order");
        }
        if (ex instanceof IllegalArgumentException) {
            return problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request", ex.getMessage());
        }
        if (ex instanceof ConcurrencyException) {
            return problem(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict",
                    "Another request changed this resource at the same moment; send the request again");
        }
        if (ex instanceof IllegalStateException) {
            return problem(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", ex.getMessage());
        }
        if (ex instanceof TimeoutException) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, Problems.UNAVAILABLE, "Temporarily unavailable",
                    "The platform did not answer in time; send the request again");
        }
        if (ex instanceof CompletionException || ex instanceof ExecutionException) {
            return unwrap(ex);
        }
        return internal(ex);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail internal(Exception ex) {
        log.error("Request failed", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "Internal error",
                "The request could not be completed; it has been logged");
    }

    private static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
        var sorted = problems.stream().sorted(Comparator.comparing(FieldProblem::field)).toList();
        String detail = sorted.stream().map(FieldProblem::toString).reduce((a, b) -> a + "; " + b).orElse("invalid request");
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request", detail);
        body.setProperty("errors", sorted);
        return ResponseEntity.badRequest().body(body);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        return Problems.of(status, type, title, detail);
    }

    private static FieldProblem toProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }

    private static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return parameter.getParameterName();
    }

    /** {@code items[0].quantity} from Jackson's reference path. */
    private static String path(List<JacksonException.Reference> references) {
        var field = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
