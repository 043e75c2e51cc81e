package io.orderflow.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.axonframework.common.caching.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AggregateCacheTest {

    private final CacheManager manager =
            CacheManagerBuilder.newCacheManagerBuilder().build(true);

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void anAggregateStaysCachedThroughAGarbageCollection() {
        Cache cache = CommandSideConfiguration.aggregateCache(manager, "aggregates", 10);
        // held by the cache only, as an aggregate is between two commands
        cache.put("order-1", new StringBuilder("order state"));

        System.gc();

        assertThat(cache.<Object, StringBuilder>get("order-1")).hasToString("order state");
    }

    @Test
    void theCacheHoldsNoMoreAggregatesThanItsSize() throws InterruptedException {
        Cache cache = CommandSideConfiguration.aggregateCache(manager, "aggregates", 2);
        cache.put("order-1", "first");
        // Ehcache orders entries by their last use to the millisecond
        Thread.sleep(5);
        cache.put("order-2", "second");
        Thread.sleep(5);
        cache.put("order-3", "third");

        assertThat(cache.containsKey("order-3")).isTrue();
        assertThat(Stream.of("order-1", "order-2", "order-3").filter(cache::containsKey))
                .hasSize(2);
    }

    @Test
    void theCacheSizeMustBePositive() {
        assertThatThrownBy(() -> new AggregateProperties(true, 0, 100))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderflow.aggregates.cache-size must be at least 1");
    }
}
