package io.archivist.adapters.rest.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;

/**
 * The health answers leave out what they do not show: the service writes every other member of its answers,
 * null or not ({@code jackson.serialization-inclusion: always}), which made {@code /health} read
 * {@code {"name":null,"status":"UP","details":null}}. With details never shown, an answer is {@code {"status":...}}.
 * Micronaut's Jackson takes every Module bean.
 */
@Singleton
public class HealthJson extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public HealthJson() {
        super("archivist-health");
        setMixInAnnotation(HealthResult.class, OnlyWhatIsSet.class);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class OnlyWhatIsSet {}
}
