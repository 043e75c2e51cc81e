package io.orderflow.gateway.config;

import io.orderflow.gateway.security.Caller;
import io.orderflow.gateway.security.SecurityConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): every endpoint with its
 * request and responses, the problem bodies it may answer with, and bearer-token sign-in for Swagger UI's
 * "Authorize". Descriptions come from the controllers' Javadoc.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";

    static {
        // the caller comes from the bearer token, not from the request: no operation documents it as a parameter
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI orderflowApi() {
        return new OpenAPI()
                .info(new Info().title("OrderFlow API").version("v1").description("""
                        Orders, their fulfilment and compensation, read models and operations. Sign up and sign in at \
                        /api/auth, then send the access token as `Authorization: Bearer <token>` (Swagger UI: \
                        Authorize). Every error is an RFC 9457 problem body (`application/problem+json`)."""))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token from POST /api/auth/signin")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * swagger-core turns {@code @Nullable} into {@code type: [..., "null"]} on plain properties but drops it on a
     * {@code $ref} (a sibling {@code type} would be AND-ed with the referenced schema): such a property becomes
     * {@code oneOf: [{$ref}, {type: "null"}]}.
     */
    @Bean
    PropertyCustomizer nullableReferences() {
        return (property, type) -> {
            boolean nullable = type.getCtxAnnotations() != null
                    && Arrays.stream(type.getCtxAnnotations())
                            .anyMatch(annotation ->
                                    annotation.annotationType().getSimpleName().equals("Nullable"));
            if (nullable && property != null && property.get$ref() != null) {
                return new JsonSchema()
                        .oneOf(List.of(
                                new JsonSchema().$ref(property.get$ref()), new JsonSchema().types(Set.of("null"))));
            }
            return property;
        };
    }

    /** Marks the public operations as such, and gives every operation the problem answers it can give. */
    @Bean
    GlobalOpenApiCustomizer problemAnswers() {
        return api -> {
            // added here rather than with the document: springdoc sets the schemas it generates in their place
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        boolean open = SecurityConfiguration.PUBLIC_OPERATIONS.contains(method.name() + " " + path);
                        if (open) {
                            operation.setSecurity(List.of());
                        }
                        boolean takesInput = operation.getRequestBody() != null
                                || (operation.getParameters() != null
                                        && !operation.getParameters().isEmpty());
                        if (takesInput) {
                            problem(
                                    operation,
                                    "400",
                                    "Invalid request: the problem's `errors` name each offending field");
                        }
                        if (!open) {
                            problem(operation, "401", "No token, or an invalid, expired or revoked one");
                            problem(operation, "403", "The caller's role does not allow this");
                        }
                        if (path.contains("{")) {
                            problem(
                                    operation,
                                    "404",
                                    "Nothing with this id (another customer's order answers the same way)");
                        }
                        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT) {
                            problem(operation, "409", "The request clashes with the resource's state");
                        }
                        if (path.equals("/api/auth/signin")) {
                            problem(operation, "429", "Too many failed sign-ins: wait `Retry-After` seconds");
                        }
                        problem(operation, "500", "An internal error; it has been logged");
                        problem(
                                operation,
                                "503",
                                "Temporarily unavailable (a store it needs cannot be reached, or no answer in time):"
                                        + " send the request again after `Retry-After` seconds");
                    }));
        };
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation
                .getResponses()
                .putIfAbsent(
                        status,
                        new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                "application/problem+json",
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        var fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().example("items[0].quantity"))
                .addProperty("message", new StringSchema().example("must be at least 1"));
        return new ObjectSchema()
                .description("An RFC 9457 problem detail")
                .properties(Map.of(
                        "type",
                                new StringSchema()
                                        .format("uri")
                                        .example("https://orderflow.dev/problems/invalid-request"),
                        "title", new StringSchema().example("Invalid request"),
                        "status", new IntegerSchema().example(400),
                        "detail", new StringSchema().example("items[0].quantity must be at least 1"),
                        "instance", new StringSchema().format("uri-reference").example("/api/orders"),
                        "errors", new ArraySchema().items(fieldProblem).description("each offending field, on a 400"),
                        "rules", new StringSchema().description("what a valid value looks like, where it helps"),
                        "retryAfterSeconds", new IntegerSchema().description("on a 429 or 503, as in Retry-After")));
    }
}
