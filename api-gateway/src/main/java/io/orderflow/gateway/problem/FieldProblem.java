package io.orderflow.gateway.problem;

/** What is wrong with one field of a request, as listed in a problem body's {@code errors}. */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + " " + message;
    }
}
