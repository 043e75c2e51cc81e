package io.orderflow.gateway.admin;

import io.orderflow.api.order.FulfilmentStep;
import io.orderflow.api.order.RequestOrderCancellationCommand;
import io.orderflow.api.order.RetryOrderStepCommand;
import io.orderflow.gateway.config.GatewayProperties;
import io.orderflow.gateway.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator actions on an order: retry a stalled step now, or force compensation. */
@RestController
@RequestMapping("/api/admin/orders/{orderId}")
class OrderOperationsController {

    private final CommandGateway commands;
    private final GatewayProperties properties;

    OrderOperationsController(CommandGateway commands, GatewayProperties properties) {
        this.commands = commands;
        this.properties = properties;
    }

    record RetryRequest(
            @NotNull(message = "is required; one of RESERVATION, PAYMENT, SHIPMENT")
            FulfilmentStep step) {}

    enum CompensationAction {
        CANCEL
    }

    record CompensateRequest(
            @NotNull(message = "is required; CANCEL") CompensationAction action,

            @Size(max = 500, message = "must be at most 500 characters")
            String reason) {}

    @PostMapping("/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Map<String, Object>> retry(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "is not a valid order id") String orderId,
            @Valid @RequestBody RetryRequest request,
            Caller operator) {
        commands.sendAndWait(
                new RetryOrderStepCommand(orderId, request.step(), operator.id()),
                properties.commandTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        return ResponseEntity.accepted().body(Map.of("orderId", orderId, "retrying", request.step()));
    }

    /** Calls the order off whatever stage it reached, a dispatched parcel included: the saga undoes every step. */
    @PostMapping("/compensate")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<Map<String, Object>> compensate(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "is not a valid order id") String orderId,
            @Valid @RequestBody CompensateRequest request,
            Caller operator) {
        String reason = request.reason() == null || request.reason().isBlank()
                ? "cancelled by an operator"
                : "cancelled by an operator: " + request.reason();
        commands.sendAndWait(
                new RequestOrderCancellationCommand(orderId, reason, operator.id(), true, true),
                properties.commandTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        return ResponseEntity.accepted().body(Map.of("orderId", orderId, "compensating", request.action()));
    }
}
