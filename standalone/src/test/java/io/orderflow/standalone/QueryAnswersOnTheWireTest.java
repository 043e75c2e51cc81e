package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.orderflow.api.analytics.DailyAnalytics;
import io.orderflow.api.analytics.FindDailyAnalyticsQuery;
import io.orderflow.api.integration.FindHistoryExportQuery;
import io.orderflow.api.integration.FindHistoryExportsQuery;
import io.orderflow.api.integration.HistoryExportList;
import io.orderflow.api.inventory.FindAllProductsQuery;
import io.orderflow.api.inventory.FindProductsQuery;
import io.orderflow.api.inventory.ProductList;
import io.orderflow.api.operations.DeadLetterList;
import io.orderflow.api.operations.FindDeadLettersQuery;
import io.orderflow.api.operations.FindProcessorStatusQuery;
import io.orderflow.api.operations.ProcessorStatusList;
import io.orderflow.api.order.FindOrderQuery;
import io.orderflow.api.order.FindOrderTimelineQuery;
import io.orderflow.api.order.FindOrdersQuery;
import io.orderflow.api.order.OrderList;
import io.orderflow.api.order.OrderPage;
import io.orderflow.api.order.OrderTimeline;
import io.orderflow.api.order.OrderView;
import io.orderflow.api.order.WatchOrdersQuery;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every query answer survives the trip through Axon Server. There the query carries the response type as it is for
 * serialization, the handler's answer is serialized with the messages' serializer, deserialized by the asking service
 * as the type named on the wire, and only then converted to the response type asked for (as Axon 4.13's connector
 * does: {@code QuerySerializer}, {@code ConvertingResponseMessage}). A subscription's updates are checked the same
 * way; its initial result is not, since no service reads it (see {@code OrderController}). A bare {@code List} comes back as a list of maps and fails that conversion, so each
 * query answers with a record that holds its list. The trip is made here as the Axon Server connector makes it, for
 * every query of core-api (a new query without a case here fails the test), on answers with data in them.
 */
@ResourceLock(TestPlatform.SHARED)
class QueryAnswersOnTheWireTest {

    /** A query as a service asks it, with the response type it asks for. */
    record Asked(Object query, ResponseType<?> responseType) {}

    @Test
    void everyQueryAnswerIsTheSameAfterSerializationAsTheAskingServiceReadsIt() throws Exception {
        TestPlatform platform = TestPlatform.shared();
        String orderId = platform.placeOrder("[{\"productId\":\"PROD-002\",\"quantity\":1}]", "pm_card_visa", "N1 9GU");
        platform.awaitStatus(orderId, java.time.Duration.ofSeconds(30), "DELIVERED");
        String exportId = TestPlatform.read(platform.admin()
                        .post(
                                "/api/admin/integration/export",
                                "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"" + java.time.Instant.now() + "\"}",
                                Map.of())
                        .body())
                .get("exportId")
                .asString();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        List<Asked> asked = List.of(
                new Asked(new FindOrderQuery(orderId), ResponseTypes.optionalInstanceOf(OrderView.class)),
                new Asked(
                        new FindOrdersQuery(null, null, null, null, 0, 20), ResponseTypes.instanceOf(OrderPage.class)),
                new Asked(new FindOrderTimelineQuery(orderId), ResponseTypes.instanceOf(OrderTimeline.class)),
                new Asked(new WatchOrdersQuery(), ResponseTypes.instanceOf(OrderList.class)),
                new Asked(new FindAllProductsQuery(), ResponseTypes.instanceOf(ProductList.class)),
                new Asked(
                        new FindProductsQuery(List.of("PROD-001", "PROD-002")),
                        ResponseTypes.instanceOf(ProductList.class)),
                new Asked(new FindProcessorStatusQuery(), ResponseTypes.instanceOf(ProcessorStatusList.class)),
                new Asked(new FindDeadLettersQuery(), ResponseTypes.instanceOf(DeadLetterList.class)),
                new Asked(
                        new FindDailyAnalyticsQuery(today.minusDays(1), today),
                        ResponseTypes.instanceOf(DailyAnalytics.class)),
                new Asked(new FindHistoryExportsQuery(), ResponseTypes.instanceOf(HistoryExportList.class)),
                new Asked(
                        new FindHistoryExportQuery(exportId),
                        ResponseTypes.optionalInstanceOf(io.orderflow.api.integration.HistoryExportView.class)));

        assertThat(asked.stream().map(a -> a.query().getClass().getName()).collect(Collectors.toSet()))
                .as("every query of core-api is asked here")
                .isEqualTo(queriesOfCoreApi());

        QueryBus queryBus = platform.context().getBean(QueryBus.class);
        Serializer serializer = platform.context().getBean("messageSerializer", Serializer.class);
        var failures = new ArrayList<String>();
        var answers = new java.util.HashMap<Class<?>, Object>();
        for (Asked question : asked) {
            // the query carries its response type as it is for serialization (an Optional's is its element's)
            QueryResponseMessage<?> answer = queryBus.query(new GenericQueryMessage<>(
                            question.query(), question.responseType().forSerialization()))
                    .get(10, TimeUnit.SECONDS);
            assertThat(answer.isExceptional())
                    .as("%s: %s", question.query(), answer.optionalExceptionResult())
                    .isFalse();
            Object here = question.responseType().convert(answer.getPayload());
            answers.put(question.query().getClass(), here);
            try {
                SerializedObject<byte[]> wire = answer.serializePayload(serializer, byte[].class);
                Object there = question.responseType().convert(serializer.deserialize(wire));
                if (!here.equals(there)) {
                    failures.add(question.query() + ": " + here + " came back as " + there);
                }
            } catch (RuntimeException e) {
                failures.add(question.query() + ": " + e);
            }
        }
        assertThat(failures).as("answers that do not survive the wire").isEmpty();
        // lists with records in them made the trip, not only empty ones
        assertThat(((ProductList) answers.get(FindAllProductsQuery.class)).products())
                .isNotEmpty();
        assertThat(((OrderTimeline) answers.get(FindOrderTimelineQuery.class)).entries())
                .isNotEmpty();
        assertThat(((OrderPage) answers.get(FindOrdersQuery.class)).items()).isNotEmpty();
        assertThat(((ProcessorStatusList) answers.get(FindProcessorStatusQuery.class)).processors())
                .isNotEmpty();
        assertThat(((DailyAnalytics) answers.get(FindDailyAnalyticsQuery.class)).days())
                .isNotEmpty();
        assertThat(((HistoryExportList) answers.get(FindHistoryExportsQuery.class)).exports())
                .isNotEmpty();
        assertThat(answers.get(FindOrderQuery.class)).isNotEqualTo(java.util.Optional.empty());
        assertThat(answers.get(FindHistoryExportQuery.class)).isNotEqualTo(java.util.Optional.empty());

        // a subscription's updates cross the wire the same way, each as the type asked for its updates
        OrderView update = platform.context()
                .getBean(org.axonframework.queryhandling.QueryGateway.class)
                .query(new FindOrderQuery(orderId), ResponseTypes.optionalInstanceOf(OrderView.class))
                .get(10, TimeUnit.SECONDS)
                .orElseThrow();
        Object updateThere = ResponseTypes.instanceOf(OrderView.class)
                .convert(serializer.deserialize(serializer.serialize(update, byte[].class)));
        assertThat(updateThere).isEqualTo(update);
    }

    private static Set<String> queriesOfCoreApi() {
        return new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.orderflow.api")
                        .stream()
                        .filter(type -> type.getSimpleName().endsWith("Query"))
                        .map(JavaClass::getName)
                        .collect(Collectors.toSet());
    }
}
