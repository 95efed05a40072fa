package io.archivist.adapters.rest.metrics;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Pool use of the JDBC store (docs/operations.md): Hikari's own meters ({@code hikaricp_connections_*}, labelled
 * with the pool's name). Micronaut gives them to the pools it makes (DATASOURCES_DEFAULT_URL); the embedded H2
 * default's pool is made by the store itself, and gets them here as it is made. Only pools that are made anyway
 * are looked at: a command that opens no database (such as {@code token}) opens none for this. The Mongo store
 * reports its pool itself.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
public class PoolMetrics implements BeanCreatedEventListener<DataSource> {

    private final BeanProvider<MeterRegistry> registry;

    public PoolMetrics(BeanProvider<MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource dataSource = event.getBean();
        try {
            // Micronaut Data may already have put its proxy in front of the pool.
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
                if (pool.getMetricRegistry() == null && pool.getMetricsTrackerFactory() == null) {
                    pool.setMetricRegistry(registry.get());
                }
            }
        } catch (SQLException notAPool) {
            // a DataSource that is no Hikari pool has no pool meters to give
        }
        return dataSource;
    }
}
