package io.orderflow.gateway.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The resource a request names does not exist (or is not the caller's to see); 404. */
public class NotFoundException extends ErrorResponseException {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "Not found", detail), null);
    }
}
