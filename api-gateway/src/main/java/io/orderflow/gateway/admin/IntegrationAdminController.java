package io.orderflow.gateway.admin;

import io.orderflow.api.integration.FindHistoryExportQuery;
import io.orderflow.api.integration.FindHistoryExportsQuery;
import io.orderflow.api.integration.HistoryExportList;
import io.orderflow.api.integration.HistoryExportView;
import io.orderflow.api.integration.StartHistoryExportCommand;
import io.orderflow.gateway.config.BoundedQueries;
import io.orderflow.gateway.config.GatewayProperties;
import io.orderflow.gateway.problem.FieldProblem;
import io.orderflow.gateway.problem.InvalidRequestException;
import io.orderflow.gateway.problem.NotFoundException;
import io.orderflow.gateway.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** History exports: the integration events of a time range published again to the replay topic, with progress. */
@RestController
@RequestMapping("/api/admin/integration")
class IntegrationAdminController {

    private final CommandGateway commands;
    private final BoundedQueries queries;
    private final GatewayProperties properties;

    IntegrationAdminController(CommandGateway commands, BoundedQueries queries, GatewayProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.properties = properties;
    }

    record ExportRequest(
            @NotNull(message = "is required; an ISO-8601 instant such as 2026-11-01T00:00:00Z")
            Instant from,

            @NotNull(message = "is required; an ISO-8601 instant such as 2026-12-01T00:00:00Z")
            Instant to) {}

    /** Starts an export and answers at once (202) with where to watch it. */
    @PostMapping("/export")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<HistoryExportView> export(@Valid @RequestBody ExportRequest request, Caller operator) {
        if (!request.from().isBefore(request.to())) {
            throw new InvalidRequestException(List.of(new FieldProblem("to", "must be after from")));
        }
        String exportId = UUID.randomUUID().toString();
        commands.sendAndWait(
                new StartHistoryExportCommand(exportId, request.from(), request.to(), operator.id()),
                properties.commandTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        var location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/admin/integration/exports/{id}")
                .buildAndExpand(exportId)
                .toUri();
        return ResponseEntity.accepted().location(location).body(find(exportId));
    }

    @GetMapping("/exports")
    List<HistoryExportView> exports() {
        return queries.ask(new FindHistoryExportsQuery(), ResponseTypes.instanceOf(HistoryExportList.class))
                .exports();
    }

    @GetMapping("/exports/{exportId}")
    HistoryExportView get(
            @PathVariable @Pattern(regexp = "[0-9a-f-]{36}", message = "is not an export id") String exportId) {
        return find(exportId);
    }

    private HistoryExportView find(String exportId) {
        return queries.ask(
                        new FindHistoryExportQuery(exportId), ResponseTypes.optionalInstanceOf(HistoryExportView.class))
                .orElseThrow(() -> new NotFoundException("There is no export " + exportId));
    }
}
