package io.orderflow.gateway.problem;

import io.orderflow.api.common.CommandRefusedException;
import io.orderflow.api.common.DomainException;
import io.orderflow.api.common.InvalidCommandException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
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

/**
 * Turns every failure into an RFC 9457 problem body. The gateway's own exceptions are Spring {@code ErrorResponse}s
 * that carry their body; the domain's refusals ({@link DomainException}) and Axon's are mapped here, found by
 * Spring's routing in the cause of the {@code CompletionException} or {@code CommandExecutionException} that carries
 * them. Validation problems name each offending field in {@code errors}. Anything else is logged with the request's
 * id by {@code RequestIdFilter} and answered 500 by the error page ({@link ErrorProblemController}) with a body that
 * says nothing more: no exception's message, class name or stack trace is ever part of a body.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::toProblem)
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var problems = new ArrayList<FieldProblem>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors errors) {
                errors.getFieldErrors().forEach(error -> problems.add(toProblem(error)));
            } else {
                String name = parameterName(result.getMethodParameter());
                result.getResolvableErrors()
                        .forEach(error -> problems.add(new FieldProblem(name, error.getDefaultMessage())));
            }
        });
        return invalid(problems);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(
                        HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "There is nothing at this address"));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String expected = ex.getRequiredType() == null
                ? ""
                : ex.getRequiredType().isEnum()
                        ? "; one of " + Arrays.toString(ex.getRequiredType().getEnumConstants())
                        : ex.getRequiredType() == Instant.class
                                ? "; an ISO-8601 instant such as 2026-11-25T00:00:00Z"
                                : "";
        return invalid(List.of(new FieldProblem(name, "has the wrong type or format" + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof StreamReadException syntax) {
            var location = syntax.getLocation();
            String where =
                    location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return invalid(List.of(new FieldProblem("body", "is not well-formed JSON" + where)));
        }
        if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(mapping.getPath()), "has the wrong type or format")));
        }
        return invalid(List.of(new FieldProblem("body", "is missing or is not a JSON object of the expected shape")));
    }

    /** A command the domain finds wrong in itself: its message names what is wrong. */
    @ExceptionHandler(InvalidCommandException.class)
    ProblemDetail invalidCommand(InvalidCommandException ex) {
        return Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST, "Invalid request", ex.getMessage());
    }

    /** A command the domain refuses as things stand (an order that has ended, a replay already running). */
    @ExceptionHandler(CommandRefusedException.class)
    ProblemDetail refused(CommandRefusedException ex) {
        return Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", ex.getMessage());
    }

    /** Orders are the only aggregates a request names; another customer's order is answered the same way. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail noSuchOrder() {
        return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", "There is no such order");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange() {
        return Problems.of(
                HttpStatus.CONFLICT,
                Problems.CONFLICT,
                "Conflict",
                "Another request changed this resource at the same moment; send the request again");
    }

    @ExceptionHandler(TimeoutException.class)
    ResponseEntity<ProblemDetail> timedOut() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS)
                .body(Problems.unavailable("The platform did not answer in time; send the request again"));
    }

    private static ResponseEntity<Object> invalid(List<FieldProblem> problems) {
        return ResponseEntity.badRequest().body(Problems.invalid(problems));
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
