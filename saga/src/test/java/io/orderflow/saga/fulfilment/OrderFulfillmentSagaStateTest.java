package io.orderflow.saga.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The saga's state as the saga store keeps it (JSON through the platform's Jackson serializer): its progress, grouped
 * in the code, is stored under the names the saga's fields had before, so a saga started by an earlier version goes
 * on where it was; fields added since start at their defaults.
 */
class OrderFulfillmentSagaStateTest {

    private static final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private static final Serializer serializer =
            JacksonSerializer.builder().objectMapper(json).build();
    /** A saga half-way: paid, parcel booked and picked up, capture not yet seen, after two payment attempts. */
    private static final String STORED = """
            {"orderId":"order-1","paymentId":"payment-1","shipmentId":"shipment-1",
             "total":{"amount":79.99,"currency":"USD"},"paymentMethod":"pm_card_visa",
             "shippingAddress":{"recipient":"Ada Lovelace","line1":"12 Analytical St","line2":null,"city":"London",
                                "postalCode":"N1 9GU","country":"GB"},
             "expiresAt":null,"paymentDeadlineId":null,"paymentRetryId":null,
             "lines":{"PROD-001":2},"pendingReservations":[],"reservedProducts":["PROD-001"],
             "paymentStarted":true,"paymentAuthorized":true,"paymentCaptured":false,"paymentAttempts":2,
             "shipmentBooked":true,"shipmentDispatched":true,"deliveryReported":false,
             "carrier":"Simulated Carrier","trackingNumber":"SIM-1","ending":null,"endingReason":null}""";

    @Test
    void aSagaStoredByAnEarlierVersionIsReadAndStoredAgainUnchanged() throws Exception {
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(
                STORED.getBytes(), byte[].class, new SimpleSerializedType(OrderFulfillmentSaga.class.getName(), null));

        OrderFulfillmentSaga saga = serializer.deserialize(stored);
        JsonNode storedAgain =
                json.readTree(serializer.serialize(saga, byte[].class).getData());

        // what it did not know yet is stored at its starting value
        ObjectNode expected = (ObjectNode) json.readTree(STORED);
        expected.put("shipmentRequested", false).put("returnPending", false).putNull("returnOutcome");
        assertThat(storedAgain).isEqualTo(expected);
    }

    @Test
    void pausesBetweenPaymentAttemptsDoubleUpToTheLongest() {
        var backoff = OrderFulfillmentSaga.PAYMENT_RETRY_BACKOFF;

        assertThat(backoff.after(1)).isEqualTo(backoff.first());
        assertThat(backoff.after(2)).isEqualTo(backoff.first().multipliedBy(2));
        assertThat(backoff.after(3)).isEqualTo(backoff.first().multipliedBy(4));
        assertThat(backoff.after(100)).isEqualTo(backoff.longest());
    }
}
