package io.orderflow.gateway.problem;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request that passed bean validation but names something that does not exist or contradicts itself; answered
 * with 400 and one entry per offending field.
 */
public class InvalidRequestException extends ErrorResponseException {

    public InvalidRequestException(List<FieldProblem> errors) {
        this(errors, null);
    }

    /** @param rules what a valid request looks like, stated in the problem body */
    public InvalidRequestException(List<FieldProblem> errors, String rules) {
        super(HttpStatus.BAD_REQUEST, Problems.invalid(errors), null);
        if (rules != null) {
            getBody().setProperty("rules", rules);
        }
    }
}
