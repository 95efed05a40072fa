package io.archivist.adapters.rest.security;

import io.archivist.domain.Role;
import io.micronaut.configuration.metrics.micrometer.prometheus.management.PrometheusEndpoint;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Who reads Micronaut's sensitive management endpoints, of which the service enables only {@code /prometheus}
 * (docs/operations.md): a token with the {@code SUPER_ADMIN} role, of any workspace, since the metrics belong to
 * no workspace and name none. Without a token it is a 401, with another token a 403. Micronaut's own rule lets
 * any valid token in; this one replaces it, as Micronaut asks. {@code archivist.metrics.public=true} opens
 * {@code /prometheus} to anyone, for a scraper on a network that only it reaches (or set ENDPOINTS_ALL_PORT).
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
public class ManagementEndpointRule extends SensitiveEndpointRule {

    private final boolean metricsPublic;

    public ManagementEndpointRule(
            EndpointSensitivityProcessor endpoints, @Value("${archivist.metrics.public:false}") boolean metricsPublic) {
        super(endpoints);
        this.metricsPublic = metricsPublic;
    }

    @Override
    protected Publisher<SecurityRuleResult> check(
            HttpRequest<?> request, Authentication authentication, ExecutableMethod<?, ?> method) {
        if (metricsPublic && method.getDeclaringType() == PrometheusEndpoint.class) {
            return Publishers.just(SecurityRuleResult.ALLOWED);
        }
        return super.check(request, authentication, method);
    }

    @Override
    @NonNull
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(
            @NonNull HttpRequest<?> request,
            @NonNull Authentication authentication,
            @NonNull ExecutableMethod<?, ?> method) {
        return Publishers.just(
                authentication.getRoles().contains(Role.SUPER_ADMIN.name())
                        ? SecurityRuleResult.ALLOWED
                        : SecurityRuleResult.REJECTED);
    }
}
