package io.orderflow.kafka.carrier;

import io.orderflow.api.common.DomainException;
import io.orderflow.kafka.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What becomes of a carrier update that fails: a failure no retry can help (unreadable, an unknown parcel, a report
 * the parcel's state refuses) goes to the dead-letter topic at once; anything else is tried three more times, a
 * second apart, first. The dead letter keeps the original key and value, with the exception in its
 * {@code kafka_dlt-exception-*} headers.
 */
@Configuration(proxyBeanMethods = false)
class CarrierUpdateConfiguration {

    @Bean
    CommonErrorHandler carrierUpdateErrors(KafkaOperations<?, ?> kafka) {
        var deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, failure) -> new TopicPartition(Topics.CARRIER_UPDATES_DLT, -1));
        var handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(1000, 3));
        // an update the parcel refuses (one for a parcel never booked) is refused the same way every time
        handler.addNotRetryableExceptions(
                UnprocessableCarrierUpdateException.class,
                DomainException.class,
                IllegalArgumentException.class,
                IllegalStateException.class);
        return handler;
    }
}
