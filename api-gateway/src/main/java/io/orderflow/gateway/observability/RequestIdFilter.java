package io.orderflow.gateway.observability;

import io.orderflow.api.common.StoreUnavailable;
import io.orderflow.gateway.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request has a correlation id: the caller's {@code X-Request-Id} when it is a sane one, otherwise a new
 * one. It is answered in the same header, is in every log line of the request ({@code requestId} in the MDC), and
 * goes into the metadata of the command the request sends, from where Axon carries it to every event, saga step and
 * Kafka message that follows. A failure nothing else answered is logged here, where the id is still known, and
 * answered by the error page: 503 with {@code Retry-After} when a store cannot be reached ({@link StoreUnavailable}),
 * 500 otherwise.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    /** The key in the MDC and in Axon's message metadata. */
    public static final String KEY = "requestId";

    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String requestId = given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        response.setHeader(HEADER, requestId);
        MDC.put(KEY, requestId);
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            // logged here, with the request's id; the client gets the error page's problem body, which says nothing
            if (StoreUnavailable.caused(failure)) {
                // an outage is one line per request, not a stack trace each: its cause is the same every time
                log.warn(
                        "{} {} answered 503, a store cannot be reached: {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        rootCause(failure));
                response.setHeader(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            } else {
                log.error("{} {} failed", request.getMethod(), request.getRequestURI(), failure);
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        } finally {
            MDC.remove(KEY);
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
