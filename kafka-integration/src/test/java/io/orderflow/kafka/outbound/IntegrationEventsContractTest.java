package io.orderflow.kafka.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.orderflow.api.common.Money;
import io.orderflow.api.order.OrderLine;
import io.orderflow.api.order.OrderPaidEvent;
import io.orderflow.api.order.OrderStepRetryRequestedEvent;
import io.orderflow.api.order.ShippingAddress;
import io.orderflow.kafka.EventSchemas;
import io.orderflow.kafka.Topics;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public contract of the integration events, checked without a broker: every internal event is either
 * published or declared internal, every published type has its schema in core-api, and a sample of every published
 * event becomes a CloudEvent whose data its schema accepts.
 */
class IntegrationEventsContractTest {

    /** Events that stay inside OrderFlow: an operator's request to retry a step is not news for other teams. */
    private static final Set<Class<?>> INTERNAL = Set.of(OrderStepRetryRequestedEvent.class);

    private static final Set<String> INBOUND = Set.of(
            "io.orderflow.carrier.shipment-dispatched.v1",
            "io.orderflow.carrier.shipment-delivered.v1",
            "io.orderflow.carrier.shipment-failed.v1",
            "io.orderflow.carrier.shipment-returned.v1",
            "io.orderflow.carrier.shipment-return-failed.v1");
    private static final JsonMapper json = JsonMapper.builder().build();
    private final CloudEventConverter converter = new CloudEventConverter(json);

    @Test
    void everyEventOfCoreApiIsPublishedOrDeclaredInternal() {
        assertThat(IntegrationEvents.published()).doesNotContainAnyElementsOf(INTERNAL);
        var classified = new TreeSet<String>();
        IntegrationEvents.published().forEach(type -> classified.add(type.getName()));
        INTERNAL.forEach(type -> classified.add(type.getName()));

        assertThat(classified).isEqualTo(coreApiEvents());
    }

    @Test
    void everySchemaOfCoreApiBelongsToAPublishedOrAnAcceptedType() throws IOException {
        var schemas = Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath*:schemas/*.json"))
                .map(resource -> resource.getFilename().replaceFirst("\\.json$", ""))
                .collect(Collectors.toCollection(TreeSet::new));
        var expected = new TreeSet<>(IntegrationEvents.types());
        expected.addAll(INBOUND);

        assertThat(schemas).isEqualTo(expected);
    }

    static Stream<Class<?>> publishedEvents() {
        return IntegrationEvents.published().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedEvents")
    void sampleBecomesACloudEventThatItsSchemaAccepts(Class<?> eventType) {
        Object event = sample(eventType);
        var message = GenericEventMessage.asEventMessage(event)
                .andMetaData(MetaData.with("traceId", "root-message").and("correlationId", "parent-message"));
        IntegrationEvent published = IntegrationEvents.from(event).orElseThrow();

        var record = converter.createKafkaMessage(message, published.topic());
        CloudEvent cloudEvent = EventFormatProvider.getInstance()
                .resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(record.value());
        JsonNode data = json.readTree(cloudEvent.getData().toBytes());

        assertThat(Topics.OUTBOUND).contains(record.topic());
        assertThat(record.key()).isEqualTo(cloudEvent.getSubject()).isNotBlank();
        assertThat(cloudEvent.getId()).isEqualTo(message.getIdentifier());
        assertThat(cloudEvent.getType()).matches("io\\.orderflow\\.[a-z]+\\.[a-z-]+\\.v1");
        assertThat(cloudEvent.getSource().toString())
                .isEqualTo("/" + record.topic().replace(".v1", "").replace('.', '/'));
        assertThat(cloudEvent.getTime()).isNotNull();
        assertThat(cloudEvent.getDataSchema().toString()).endsWith("/" + cloudEvent.getType() + ".json");
        assertThat(cloudEvent.getExtension(CloudEventConverter.CORRELATION_ID)).isEqualTo("root-message");
        assertThat(cloudEvent.getExtension(CloudEventConverter.CAUSATION_ID)).isEqualTo("parent-message");
        assertThat(cloudEvent.getExtension(CloudEventConverter.REPLAY)).isNull();
        assertThat(EventSchemas.problems(cloudEvent.getType(), data)).isEmpty();
        assertThat(data.toString())
                .doesNotContain("pm_card")
                .doesNotContain("12 Analytical St")
                .doesNotContain("provider-ref");
    }

    @Test
    void republishedHistoryIsFlaggedAsAReplayWithTheSameId() {
        var message = GenericEventMessage.asEventMessage(sample(OrderPaidEvent.class));

        var record = converter.record(message, Topics.ORDERS_REPLAY, true);
        CloudEvent cloudEvent = EventFormatProvider.getInstance()
                .resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(record.value());

        assertThat(record.topic()).isEqualTo(Topics.ORDERS_REPLAY);
        assertThat(cloudEvent.getId()).isEqualTo(message.getIdentifier());
        assertThat(cloudEvent.getExtension(CloudEventConverter.REPLAY)).isEqualTo(true);
        assertThat(cloudEvent.getSource().toString()).isEqualTo("/orderflow/orders");
    }

    @Test
    void schemasRefuseDataThatBreaksTheContract() {
        assertThat(EventSchemas.problems("io.orderflow.order.paid.v1", json.readTree("{\"orderId\":\"o-1\"}")))
                .isNotEmpty();
        assertThat(EventSchemas.problems(
                        "io.orderflow.order.paid.v1",
                        json.readTree("{\"orderId\":\"o-1\",\"paymentId\":\"p-1\",\"cardNumber\":\"4242\"}")))
                .isNotEmpty();
    }

    private static Set<String> coreApiEvents() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                // the events themselves, not what they have in common (OrderEvent)
                return definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        return scanner.findCandidateComponents("io.orderflow.api").stream()
                .map(BeanDefinition::getBeanClassName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** An instance of the event record with a plausible value in every field. */
    private static Object sample(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i]);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return Map.of(
                            "providerPaymentId",
                            "provider-ref",
                            "providerRefundId",
                            "provider-ref",
                            "paymentMethod",
                            "pm_card_visa")
                    .getOrDefault(component.getName(), component.getName() + "-1");
        }
        if (type == int.class) {
            return 2;
        }
        if (type == Money.class) {
            return Money.of("19.99", "USD");
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-25T12:00:00Z");
        }
        if (type == ShippingAddress.class) {
            return new ShippingAddress("Ada Lovelace", "12 Analytical St", null, "London", "N1 9GU", "GB");
        }
        if (type == List.class
                && component.getGenericType() instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] == OrderLine.class) {
            return List.of(new OrderLine("PROD-001", "Wireless Headphones", 2, Money.of("79.99", "USD")));
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new IllegalArgumentException("no sample for " + component);
    }
}
