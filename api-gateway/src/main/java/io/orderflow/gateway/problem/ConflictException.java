package io.orderflow.gateway.problem;

import java.util.List;

/** The request is well-formed but clashes with what exists (a taken email, an admin disabling itself); 409. */
public class ConflictException extends RuntimeException {

    private final List<FieldProblem> errors;

    public ConflictException(String message, List<FieldProblem> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
