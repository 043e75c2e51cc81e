package io.orderflow.kafka.carrier;

import io.orderflow.api.common.DomainException;
import io.orderflow.api.common.StoreUnavailable;
import io.orderflow.kafka.Topics;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What becomes of a carrier update that fails: a failure no retry can help (unreadable, an unknown parcel, a report
 * the parcel's state refuses) goes to the dead-letter topic at once; anything else is tried three more times, a
 * second apart, first. The dead letter keeps the original key and value, with the exception in its
 * {@code kafka_dlt-exception-*} headers.
 */
@Configuration(proxyBeanMethods = false)
class CarrierUpdateConfiguration {

    /**
     * How long closing a consumer may wait for the group coordinator. The listener container closes it with
     * {@code close()}, which waits up to Kafka's default of 30 s for pending requests; after a start that followed a
     * kill, its JoinGroup is pending until the killed member's session expires (45 s), and shutdown waited for it.
     */
    static final Duration CONSUMER_CLOSE_TIMEOUT = Duration.ofSeconds(1);

    @Bean
    DefaultKafkaConsumerFactoryCustomizer boundedConsumerClose() {
        return CarrierUpdateConfiguration::closeWithin;
    }

    private static <K, V> void closeWithin(DefaultKafkaConsumerFactory<K, V> factory) {
        factory.addPostProcessor(consumer -> closingWithin(consumer, CONSUMER_CLOSE_TIMEOUT));
    }

    @SuppressWarnings("unchecked")
    static <K, V> Consumer<K, V> closingWithin(Consumer<K, V> consumer, Duration timeout) {
        return (Consumer<K, V>) Proxy.newProxyInstance(
                Consumer.class.getClassLoader(), new Class<?>[] {Consumer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        consumer.close(CloseOptions.timeout(timeout));
                        return null;
                    }
                    try {
                        return method.invoke(consumer, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Bean
    CommonErrorHandler carrierUpdateErrors(KafkaOperations<?, ?> kafka) {
        var deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, failure) -> new TopicPartition(Topics.CARRIER_UPDATES_DLT, -1));
        var handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(1000, 3));
        // PostgreSQL away says nothing of the update: it waits, in place and in order, until the store is back
        handler.setBackOffFunction(
                (record, failure) -> StoreUnavailable.caused(failure) ? untilTheStoreIsBack() : null);
        // an update the parcel refuses (one for a parcel never booked) is refused the same way every time
        handler.addNotRetryableExceptions(
                UnprocessableCarrierUpdateException.class,
                DomainException.class,
                IllegalArgumentException.class,
                IllegalStateException.class);
        return handler;
    }

    /** 1 s, doubling to 30 s between attempts, for as long as it takes. */
    private static BackOff untilTheStoreIsBack() {
        var backOff = new ExponentialBackOff(1000, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
    }
}
