package io.orderflow.gateway.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The caller's credentials were not accepted; 401. The detail never says which of them was wrong. */
public class UnauthorizedException extends ErrorResponseException {

    public UnauthorizedException(String detail) {
        super(
                HttpStatus.UNAUTHORIZED,
                Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized", detail),
                null);
        getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
