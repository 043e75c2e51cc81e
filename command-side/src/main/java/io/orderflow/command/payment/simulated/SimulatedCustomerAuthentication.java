package io.orderflow.command.payment.simulated;

import io.orderflow.api.common.CommandRefusedException;
import io.orderflow.api.payment.FinishSimulatedAuthenticationCommand;
import io.orderflow.api.payment.PaymentOutcome;
import io.orderflow.api.payment.RecordPaymentOutcomeCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * The simulated provider's side of a customer's 3-D Secure step: the intent takes the outcome, and the provider
 * reports it to the payment as Stripe's webhook would ({@code payment_intent.amount_capturable_updated}, or {@code
 * payment_intent.payment_failed} with {@code payment_intent_authentication_failure}).
 */
public class SimulatedCustomerAuthentication {

    static final String AUTHENTICATION_FAILURE = "payment_intent_authentication_failure";

    private final SimulatedPaymentGateway provider;
    private final CommandGateway commands;

    public SimulatedCustomerAuthentication(SimulatedPaymentGateway provider, CommandGateway commands) {
        this.provider = provider;
        this.commands = commands;
    }

    @CommandHandler
    FinishSimulatedAuthenticationCommand.Result handle(FinishSimulatedAuthenticationCommand command) {
        SimulatedPaymentGateway.Intent intent = provider.authenticate(command.orderId(), command.completed())
                .orElseThrow(() -> nothingWaits(command.orderId()));
        Boolean changed = commands.sendAndWait(new RecordPaymentOutcomeCommand(
                intent.paymentId(),
                intent.id(),
                command.completed() ? PaymentOutcome.AUTHORIZED : PaymentOutcome.DECLINED,
                command.completed() ? null : AUTHENTICATION_FAILURE,
                command.completed() ? null : "The customer did not complete the authentication of this payment."));
        return new FinishSimulatedAuthenticationCommand.Result(
                intent.id(), intent.status(), Boolean.TRUE.equals(changed));
    }

    private RuntimeException nothingWaits(String orderId) {
        return provider.intentOf(orderId)
                .<RuntimeException>map(intent -> new CommandRefusedException("The payment of order " + orderId
                        + " does not wait for the customer's authentication: its intent " + intent.id() + " is "
                        + intent.status()))
                .orElseGet(() -> new AggregateNotFoundException(
                        orderId, "The simulated provider holds no payment for order " + orderId));
    }
}
