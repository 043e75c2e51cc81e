package io.orderflow.gateway.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.api.common.CommandRefusedException;
import io.orderflow.api.common.InvalidCommandException;
import io.orderflow.api.order.OrderStatus;
import io.orderflow.api.order.OrderTransitionRefusedException;
import io.orderflow.gateway.security.TokenIssuer;
import io.orderflow.gateway.support.GatewayWebSlice;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How a failure becomes an RFC 9457 problem body: the domain's refusals and Axon's failures, found through the
 * {@code CompletionException} or {@code CommandExecutionException} they arrive in, and the gateway's own
 * {@code ErrorResponseException}s. Anything else is left to the container's error page, which says nothing of it.
 * A mocked {@link CommandGateway} answers for the domain, with what the domain would throw.
 */
@WebMvcTest(ErrorProblemController.class)
@GatewayWebSlice
@Import(ProblemHandlerTest.Endpoints.class)
class ProblemHandlerTest {

    private static final String INTERNAL_MESSAGE = "some library's internal message";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private TokenIssuer tokens;

    @MockitoBean
    private CommandGateway commands;

    static Stream<Arguments> domainAndAxonFailures() {
        var refusals = Stream.of(
                Arguments.of(
                        new InvalidCommandException("An order needs at least one line"),
                        400,
                        "invalid-request",
                        "An order needs at least one line"),
                Arguments.of(
                        new CommandRefusedException("A replay of order-summary is already running"),
                        409,
                        "conflict",
                        "A replay of order-summary is already running"),
                Arguments.of(
                        new OrderTransitionRefusedException(
                                "order-7",
                                OrderStatus.SHIPPED,
                                "The order has shipped and can no longer be cancelled; return it once delivered"),
                        409,
                        "conflict",
                        "The order has shipped and can no longer be cancelled; return it once delivered"),
                Arguments.of(
                        new AggregateNotFoundException("order-7", INTERNAL_MESSAGE),
                        404,
                        "not-found",
                        "There is no such order"),
                Arguments.of(
                        new ConcurrencyException(INTERNAL_MESSAGE),
                        409,
                        "conflict",
                        "Another request changed this resource at the same moment; send the request again"));
        List<Function<Throwable, Throwable>> arrivals = List.of(
                Function.identity(),
                CompletionException::new,
                cause -> new CommandExecutionException(INTERNAL_MESSAGE, cause));
        return refusals.flatMap(refusal -> arrivals.stream()
                .map(arrival -> Arguments.of(
                        arrival.apply((Throwable) refusal.get()[0]),
                        refusal.get()[1],
                        refusal.get()[2],
                        refusal.get()[3])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("domainAndAxonFailures")
    void answersTheDomainsAndAxonsFailuresWhereverTheyAreInTheCauses(
            RuntimeException failure, int status, String type, String detail) throws Exception {
        when(commands.sendAndWait(any(), anyLong(), any(TimeUnit.class))).thenThrow(failure);

        sendCommand()
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderflow.dev/problems/" + type))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value(detail));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timeouts")
    void answers503WhenThePlatformDidNotAnswerInTime(RuntimeException failure) throws Exception {
        when(commands.sendAndWait(any(), anyLong(), any(TimeUnit.class))).thenThrow(failure);

        sendCommand()
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderflow.dev/problems/temporarily-unavailable"))
                .andExpect(jsonPath("$.detail").value("The platform did not answer in time; send the request again"))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(5));
    }

    @Test
    void answersAStoreThatCannotBeReachedWith503AndRetryAfterWithoutSayingWhy() throws Exception {
        when(commands.sendAndWait(any(), anyLong(), any(TimeUnit.class)))
                .thenThrow(new CommandExecutionException(
                        "wrapped",
                        new CannotCreateTransactionException(
                                INTERNAL_MESSAGE,
                                new SQLTransientConnectionException(
                                        "HikariPool-1 - Connection is not available", "08001"))));

        MockHttpServletResponse answer = asTheContainerAnswers("/api/test/commands", 503);

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.getContentAsString())
                .contains("https://orderflow.dev/problems/temporarily-unavailable", "\"retryAfterSeconds\":5")
                .doesNotContain(INTERNAL_MESSAGE)
                .doesNotContain("Hikari");
    }

    static Stream<RuntimeException> timeouts() {
        return Stream.of(
                new CompletionException(new TimeoutException()),
                new CommandExecutionException(INTERNAL_MESSAGE, new TimeoutException()));
    }

    @Test
    void leavesAnUnknownFailureToTheErrorPageWhichDoesNotRepeatItsMessage() throws Exception {
        when(commands.sendAndWait(any(), anyLong(), any(TimeUnit.class)))
                .thenThrow(new IllegalStateException(INTERNAL_MESSAGE));

        MockHttpServletResponse answer = asTheContainerAnswers("/api/test/commands");

        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.getContentAsString())
                .contains("https://orderflow.dev/problems/internal-error")
                .doesNotContain(INTERNAL_MESSAGE)
                .doesNotContain("IllegalStateException");
    }

    @Test
    void leavesAnUnknownCauseOfAnAxonFailureToTheErrorPageToo() throws Exception {
        when(commands.sendAndWait(any(), anyLong(), any(TimeUnit.class)))
                .thenThrow(new CommandExecutionException("wrapped", new IllegalStateException(INTERNAL_MESSAGE)));

        MockHttpServletResponse answer = asTheContainerAnswers("/api/test/commands");

        assertThat(answer.getStatus()).isEqualTo(500);
        assertThat(answer.getContentAsString()).doesNotContain(INTERNAL_MESSAGE).doesNotContain("wrapped");
    }

    @Test
    void answersInvalidRequestWith400NamingEachFieldAndTheRules() throws Exception {
        refusal("invalid")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderflow.dev/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value("from is not an instant; to must be after from"))
                .andExpect(jsonPath("$.errors[0].field").value("from"))
                .andExpect(jsonPath("$.errors[1].field").value("to"))
                .andExpect(jsonPath("$.errors[1].message").value("must be after from"))
                .andExpect(jsonPath("$.rules").value("from comes before to"));
    }

    @Test
    void answersNotFoundWith404() throws Exception {
        refusal("not-found")
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderflow.dev/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("There is no order order-7"));
    }

    @Test
    void answersConflictWith409AndTheClashingFields() throws Exception {
        refusal("conflict")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderflow.dev/problems/conflict"))
                .andExpect(jsonPath("$.detail").value("An account with this email exists already"))
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.errors[0].message").value("is taken by another account"));
        refusal("bare-conflict")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void answersUnauthorizedWith401AndABearerChallenge() throws Exception {
        refusal("unauthorized")
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, "Bearer"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderflow.dev/problems/unauthorized"))
                .andExpect(jsonPath("$.detail").value("The email or password is wrong, or the account is disabled"));
    }

    @Test
    void answersTooManyRequestsWith429AndTheWaitInWholeSecondsRoundedUp() throws Exception {
        refusal("too-many")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://orderflow.dev/problems/too-many-requests"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(2));
    }

    @Test
    void answersAnAddressWithNothingThereWith404() throws Exception {
        mvc.perform(get("/api/test/nothing-here").header(HttpHeaders.AUTHORIZATION, bearer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("There is nothing at this address"));
    }

    private ResultActions sendCommand() throws Exception {
        return mvc.perform(post("/api/test/commands").header(HttpHeaders.AUTHORIZATION, bearer()));
    }

    private ResultActions refusal(String kind) throws Exception {
        return mvc.perform(get("/api/test/refusals/{kind}", kind).header(HttpHeaders.AUTHORIZATION, bearer()));
    }

    /**
     * The answer a client gets: a failure no handler answers is logged by {@code RequestIdFilter}, which sends a bare
     * 500; MockMvc has no container, so the test then forwards to the error page as Tomcat does.
     */
    private MockHttpServletResponse asTheContainerAnswers(String uri) throws Exception {
        return asTheContainerAnswers(uri, 500);
    }

    /** The error the filter sends, checked, then the error page's answer to it, as the container dispatches it. */
    private MockHttpServletResponse asTheContainerAnswers(String uri, int status) throws Exception {
        MockHttpServletResponse sent = mvc.perform(post(uri).header(HttpHeaders.AUTHORIZATION, bearer()))
                .andReturn()
                .getResponse();
        assertThat(sent.getStatus()).isEqualTo(status);
        assertThat(sent.getErrorMessage())
                .as("nothing of the failure in the error sent")
                .isNull();
        assertThat(sent.getContentAsString()).isEmpty();
        return mvc.perform(post("/error").with(request -> {
                    request.setDispatcherType(DispatcherType.ERROR);
                    request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
                    request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
                    return request;
                }))
                .andReturn()
                .getResponse();
    }

    private String bearer() {
        return "Bearer "
                + tokens.issue(UUID.randomUUID().toString(), "CUSTOMER", 0).accessToken();
    }

    /** Endpoints that fail the way the gateway's controllers do: by what a command send throws, or by refusing. */
    @RestController
    static class Endpoints {

        private final CommandGateway commands;

        Endpoints(CommandGateway commands) {
            this.commands = commands;
        }

        @PostMapping("/api/test/commands")
        ResponseEntity<Void> send() {
            commands.sendAndWait("a command", 1000, TimeUnit.MILLISECONDS);
            return ResponseEntity.noContent().build();
        }

        @GetMapping("/api/test/refusals/{kind}")
        ResponseEntity<Void> refuse(@PathVariable String kind) {
            throw switch (kind) {
                case "invalid" ->
                    new InvalidRequestException(
                            List.of(
                                    new FieldProblem("to", "must be after from"),
                                    new FieldProblem("from", "is not an instant")),
                            "from comes before to");
                case "not-found" -> new NotFoundException("There is no order order-7");
                case "conflict" ->
                    new ConflictException(
                            "An account with this email exists already",
                            List.of(new FieldProblem("email", "is taken by another account")));
                case "bare-conflict" -> new ConflictException("An admin cannot disable its own account", List.of());
                case "unauthorized" ->
                    new UnauthorizedException("The email or password is wrong, or the account is disabled");
                case "too-many" ->
                    new TooManyRequestsException("Too many failed sign-ins; try again later", Duration.ofMillis(1001));
                default -> new IllegalArgumentException(kind);
            };
        }
    }
}
