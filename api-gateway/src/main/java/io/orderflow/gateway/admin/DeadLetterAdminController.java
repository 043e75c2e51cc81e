package io.orderflow.gateway.admin;

import io.orderflow.api.operations.DeadLetterList;
import io.orderflow.api.operations.DeadLetterView;
import io.orderflow.api.operations.EvictDeadLettersCommand;
import io.orderflow.api.operations.FindDeadLettersQuery;
import io.orderflow.api.operations.RetryDeadLettersCommand;
import io.orderflow.gateway.config.BoundedQueries;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Events the projections parked: list them, retry them once the fault is fixed, or drop them. */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterAdminController {

    private static final String PROJECTION = "[A-Za-z0-9_.-]{1,100}";

    private final CommandGateway commands;
    private final BoundedQueries queries;

    DeadLetterAdminController(CommandGateway commands, BoundedQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record EvictRequest(
            @NotBlank(message = "is required") @Size(max = 255, message = "must be at most 255 characters")
            String sequence) {}

    @GetMapping
    List<DeadLetterView> list() {
        return queries.ask(new FindDeadLettersQuery(), ResponseTypes.instanceOf(DeadLetterList.class))
                .deadLetters();
    }

    @PostMapping("/{projection}/retry")
    Map<String, Object> retry(
            @PathVariable @Pattern(regexp = PROJECTION, message = "is not a projection name") String projection) {
        Integer applied = commands.sendAndWait(new RetryDeadLettersCommand(projection));
        return Map.of("projection", projection, "sequencesApplied", applied);
    }

    @PostMapping("/{projection}/evict")
    Map<String, Object> evict(
            @PathVariable @Pattern(regexp = PROJECTION, message = "is not a projection name") String projection,
            @Valid @RequestBody EvictRequest request) {
        Integer evicted = commands.sendAndWait(new EvictDeadLettersCommand(projection, request.sequence()));
        return Map.of("projection", projection, "sequence", request.sequence(), "eventsEvicted", evicted);
    }
}
