package io.orderflow.gateway.simulated;

import io.orderflow.api.payment.FinishSimulatedAuthenticationCommand;
import io.orderflow.gateway.problem.FieldProblem;
import io.orderflow.gateway.problem.InvalidRequestException;
import java.util.List;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The simulated payment provider's test authentication page, the stand-in for the page Stripe shows a customer whose
 * card needs 3-D Secure: while no Stripe key is configured, an order paid with {@code pm_card_authenticationRequired}
 * waits in {@code AWAITING_PAYMENT} until its customer completes or fails the authentication here. The provider then
 * reports the outcome to the payment, as Stripe's webhook would. Like Stripe's page, it is reached without a token;
 * with Stripe configured it does not exist.
 */
@RestController
@ConditionalOnExpression("'${orderflow.stripe.api-key:}'.isBlank()")
class SimulatedProviderController {

    static final String PAGE = "/simulated-provider/orders/{orderId}/authentication";

    private final CommandGateway commands;

    SimulatedProviderController(CommandGateway commands) {
        this.commands = commands;
    }

    @GetMapping(path = PAGE, produces = MediaType.TEXT_HTML_VALUE)
    String page(@PathVariable String orderId) {
        String order = HtmlUtils.htmlEscape(orderId);
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>3D Secure test page</title></head>
                <body>
                <h1>3D Secure test page</h1>
                <p>OrderFlow's simulated payment provider asks the customer to authenticate the payment of order %s.</p>
                <form method="post"><input type="hidden" name="outcome" value="COMPLETE">
                <button type="submit">Complete authentication</button></form>
                <form method="post"><input type="hidden" name="outcome" value="FAIL">
                <button type="submit">Fail authentication</button></form>
                </body></html>
                """.formatted(order);
    }

    /**
     * Completes ({@code outcome=COMPLETE}) or fails ({@code outcome=FAIL}) the authentication the order's payment waits
     * for. Answers with the intent's new status and whether the payment moved on; a page when asked by a browser.
     */
    @PostMapping(path = PAGE)
    ResponseEntity<?> authenticate(
            @PathVariable String orderId,
            @RequestParam(required = false) String outcome,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean completed = completed(outcome);
        FinishSimulatedAuthenticationCommand.Result result =
                commands.sendAndWait(new FinishSimulatedAuthenticationCommand(orderId, completed));
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.ok()
                    .contentType(MediaType.TEXT_HTML)
                    .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>3D Secure test"
                            + " page</title></head><body><p>Authentication "
                            + (completed ? "completed" : "failed")
                            + ". You can close this page.</p></body></html>");
        }
        return ResponseEntity.ok(result);
    }

    private static boolean completed(String outcome) {
        String given = outcome == null ? "" : outcome.toUpperCase(Locale.ROOT);
        return switch (given) {
            case "COMPLETE" -> true;
            case "FAIL" -> false;
            default ->
                throw new InvalidRequestException(
                        List.of(new FieldProblem("outcome", "must be COMPLETE or FAIL, not '" + outcome + "'")));
        };
    }
}
