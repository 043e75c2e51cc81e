package io.orderflow.gateway.problem;

import java.util.List;

/**
 * A request that passed bean validation but names something that does not exist or contradicts itself; answered
 * with 400 and one entry per offending field.
 */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> errors;
    private final String rules;

    public InvalidRequestException(List<FieldProblem> errors) {
        this(errors, null);
    }

    /** @param rules what a valid request looks like, stated in the problem body */
    public InvalidRequestException(List<FieldProblem> errors, String rules) {
        super(errors.stream().map(FieldProblem::toString).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
        this.errors = List.copyOf(errors);
        this.rules = rules;
    }

    public String rules() {
        return rules;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
