package io.orderflow.gateway.problem;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The request is well-formed but clashes with what exists (a taken email, an admin disabling itself); 409. */
public class ConflictException extends ErrorResponseException {

    public ConflictException(String detail, List<FieldProblem> errors) {
        super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT, "Conflict", detail), null);
        if (!errors.isEmpty()) {
            getBody().setProperty("errors", List.copyOf(errors));
        }
    }
}
