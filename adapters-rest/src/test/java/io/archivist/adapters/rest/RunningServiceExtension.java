package io.archivist.adapters.rest;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One running service per test class, handed to any test or {@code @BeforeAll} method that asks for
 * a {@link RunningService} parameter, and closed after the class's last test. It starts with the
 * test instance's {@link Configured#serviceProperties()} (a per-class test instance is there when
 * {@code @BeforeAll} runs), else with {@link RunningService#freshEmbeddedProperties}: a fresh H2 file under target/test-data.
 */
public final class RunningServiceExtension implements ParameterResolver, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RunningServiceExtension.class);

    /** A test class that starts the service with properties of its own. */
    interface Configured {
        Map<String, String> serviceProperties();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningService.class;
    }

    @Override
    public RunningService resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return classContext(context)
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        testClass,
                        c -> RunningService.start(parameter
                                .getTarget()
                                .filter(Configured.class::isInstance)
                                .map(Configured.class::cast)
                                .map(Configured::serviceProperties)
                                .orElseGet(() -> RunningService.freshEmbeddedProperties(c))),
                        RunningService.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RunningService started =
                context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), RunningService.class);
        if (started != null) {
            started.close();
        }
    }

    /** The class's own context, also when the parameter is asked for by a test method. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext at = context;
        while (at.getTestMethod().isPresent() && at.getParent().isPresent()) {
            at = at.getParent().get();
        }
        return at;
    }
}
