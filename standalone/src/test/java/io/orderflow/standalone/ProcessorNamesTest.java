package io.orderflow.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.query.QuerySide;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Each event processor is named once in code, by the {@code @ProcessingGroup} of its handlers, and configured under
 * that name in {@code application.yml}. A processor renamed on one side only, or a projection left out of
 * {@link QuerySide#PROJECTIONS} (which puts it in the read-models processor, with its checkpoints and replay, and
 * gives it its dead letters), fails here instead of silently running with Axon's defaults.
 */
class ProcessorNamesTest {

    private static final Pattern PROCESSOR = Pattern.compile("axon\\.eventhandling\\.processors\\.([^.]+)\\.(.+)");
    /**
     * Processors named by configuration only: the Kafka extension's publisher has no handler class of ours, and the
     * projections' processing groups run in {@link QuerySide#READ_MODELS}.
     */
    private static final Set<String> CONFIGURED_ONLY = Set.of("kafka-integration-publisher", QuerySide.READ_MODELS);

    private static final TreeMap<String, TreeMap<String, String>> configured = new TreeMap<>();
    private static final TreeSet<String> inCode = new TreeSet<>();

    @BeforeAll
    static void read() throws Exception {
        for (var source :
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                Matcher processor = PROCESSOR.matcher(name);
                if (processor.matches()) {
                    configured
                            .computeIfAbsent(processor.group(1), key -> new TreeMap<>())
                            .put(processor.group(2), String.valueOf(source.getProperty(name)));
                }
            }
            Object publisher = source.getProperty("axon.kafka.publisher.processing-group");
            if (publisher != null) {
                configured
                        .computeIfAbsent(publisher.toString(), key -> new TreeMap<>())
                        .put("mode", "pooled");
            }
        }
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        for (BeanDefinition handler : scanner.findCandidateComponents("io.orderflow")) {
            inCode.add(Class.forName(handler.getBeanClassName())
                    .getAnnotation(ProcessingGroup.class)
                    .value());
        }
    }

    @Test
    void everyProcessorInCodeIsConfiguredAndEveryConfiguredOneExists() {
        assertThat(inCode).as("processing groups of the handlers").hasSizeGreaterThanOrEqualTo(8);
        var named = new TreeSet<>(inCode);
        named.addAll(CONFIGURED_ONLY);

        assertThat(configured.keySet()).isEqualTo(named);
    }

    @Test
    void theProjectionsAreThoseWithADeadLetterQueueAndTheirProcessorIsTracked() {
        var withDeadLetters = new TreeSet<String>();
        configured.forEach((processor, settings) -> {
            if ("true".equals(settings.get("dlq.enabled"))) {
                withDeadLetters.add(processor);
            }
        });

        assertThat(withDeadLetters).containsExactlyInAnyOrderElementsOf(QuerySide.PROJECTIONS);
        assertThat(configured.get(QuerySide.READ_MODELS))
                .containsEntry("mode", "tracking")
                .containsEntry("batch-size", "500");
        QuerySide.PROJECTIONS.forEach(projection -> {
            assertThat(configured.get(projection))
                    .as(projection + ": settings of a processor, which it is not")
                    .doesNotContainKeys("mode", "batch-size");
            assertThat(configured.get(projection))
                    .as(projection + ": Axon's dead-letter sequence cache")
                    .containsEntry("dlq.cache.enabled", "true");
        });
    }
}
