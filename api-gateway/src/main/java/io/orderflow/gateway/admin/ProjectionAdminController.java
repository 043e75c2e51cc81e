package io.orderflow.gateway.admin;

import io.orderflow.api.operations.FindProcessorStatusQuery;
import io.orderflow.api.operations.ProcessorStatus;
import io.orderflow.api.operations.ProcessorStatusList;
import io.orderflow.api.operations.ReplayProjectionCommand;
import io.orderflow.gateway.config.BoundedQueries;
import io.orderflow.gateway.config.GatewayProperties;
import io.orderflow.gateway.problem.NotFoundException;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Event processors for operators: status, lag and replay progress of each, and replaying projections. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final CommandGateway commands;
    private final BoundedQueries queries;
    private final GatewayProperties properties;

    ProjectionAdminController(CommandGateway commands, BoundedQueries queries, GatewayProperties properties) {
        this.commands = commands;
        this.queries = queries;
        this.properties = properties;
    }

    @GetMapping
    List<ProcessorStatus> list() {
        return queries.ask(new FindProcessorStatusQuery(), ResponseTypes.instanceOf(ProcessorStatusList.class))
                .processors();
    }

    /**
     * Starts rebuilding a projection's read model, named by the projection, or every projection's, named by their
     * processor ({@code read-models}). The answer is the processor's status; its progress shows in
     * {@code GET /api/admin/projections}.
     */
    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ProcessorStatus> replay(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9_.-]{1,100}", message = "is not a processor name") String name) {
        String processor = processorOf(name, list());
        commands.sendAndWait(
                new ReplayProjectionCommand(name), properties.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return ResponseEntity.accepted()
                .body(list().stream()
                        .filter(status -> status.name().equals(processor))
                        .findFirst()
                        .orElseThrow());
    }

    private static String processorOf(String name, List<ProcessorStatus> processors) {
        return processors.stream()
                .filter(status ->
                        status.name().equals(name) || status.projections().contains(name))
                .map(ProcessorStatus::name)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no event processor or projection " + name));
    }
}
