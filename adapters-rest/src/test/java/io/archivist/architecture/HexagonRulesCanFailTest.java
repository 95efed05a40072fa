package io.archivist.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.archivist.adapters.rest.violation.ControllerOnEventLoop;
import io.archivist.adapters.rest.violation.CycleStart;
import io.archivist.adapters.rest.violation.RestHelper;
import io.archivist.adapters.rest.violation.elsewhere.CycleBack;
import io.archivist.adapters.seed.violation.SeedUsingRest;
import io.archivist.application.port.in.violation.UseCaseUsingAStorePort;
import io.archivist.application.port.out.RecordCascades;
import io.archivist.application.port.out.violation.PortWithHttpHeaders;
import io.archivist.application.port.out.violation.StorePortUsingAUseCase;
import io.archivist.application.service.RecordService;
import io.archivist.application.violation.ApplicationUsingFramework;
import io.archivist.domain.Operation;
import io.archivist.domain.violation.DomainUsingApplication;
import org.junit.jupiter.api.Test;

/** Each rule catches a violation: it is run over a deliberately broken class from this test source tree. */
class HexagonRulesCanFailTest {

    private static final JavaClasses BROKEN = new ClassFileImporter()
            .importClasses(
                    DomainUsingApplication.class,
                    ApplicationUsingFramework.class,
                    SeedUsingRest.class,
                    RestHelper.class,
                    ControllerOnEventLoop.class,
                    UseCaseUsingAStorePort.class,
                    StorePortUsingAUseCase.class,
                    PortWithHttpHeaders.class,
                    CycleStart.class,
                    CycleBack.class,
                    RecordService.class,
                    RecordCascades.class,
                    Operation.class);

    @Test
    void the_domain_rule_catches_a_domain_class_using_the_application() {
        assertCaught(HexagonRules.DOMAIN_USES_ONLY_THE_JDK, DomainUsingApplication.class);
    }

    @Test
    void the_application_rule_catches_an_application_class_using_micronaut() {
        assertCaught(HexagonRules.APPLICATION_USES_ONLY_THE_JDK_AND_DOMAIN, ApplicationUsingFramework.class);
    }

    @Test
    void the_adapter_rule_catches_one_adapter_using_another() {
        assertCaught(HexagonRules.adapterUsesNoOtherAdapter("io.archivist.adapters.seed.."), SeedUsingRest.class);
    }

    @Test
    void the_service_rule_catches_a_class_outside_the_composition_root_using_a_service() {
        assertCaught(HexagonRules.SERVICES_ARE_BUILT_ONLY_BY_THE_COMPOSITION_ROOT, RestHelper.class);
    }

    @Test
    void the_event_loop_rule_catches_a_controller_without_execute_on() {
        assertCaught(HexagonRules.CONTROLLERS_RUN_USE_CASES_OFF_THE_EVENT_LOOP, ControllerOnEventLoop.class);
    }

    @Test
    void the_port_rules_catch_a_port_in_using_a_port_out_and_back() {
        assertCaught(HexagonRules.PORTS_IN_DO_NOT_USE_PORTS_OUT, UseCaseUsingAStorePort.class);
        assertCaught(HexagonRules.PORTS_OUT_DO_NOT_USE_PORTS_IN, StorePortUsingAUseCase.class);
    }

    @Test
    void the_http_rule_catches_a_port_with_the_jdks_http_headers() {
        assertCaught(HexagonRules.APPLICATION_KNOWS_NO_HTTP, PortWithHttpHeaders.class);
    }

    @Test
    void the_cycle_rules_catch_a_cycle_at_each_level() {
        // The domain class using a port out closes a cycle: the port uses the domain's Operation.
        assertCaught(HexagonRules.TOP_LEVEL_PACKAGES_ARE_FREE_OF_CYCLES, DomainUsingApplication.class);
        assertCaught(HexagonRules.APPLICATION_PACKAGES_ARE_FREE_OF_CYCLES, UseCaseUsingAStorePort.class);
        assertCaught(HexagonRules.REST_PACKAGES_ARE_FREE_OF_CYCLES, CycleStart.class);
    }

    private static void assertCaught(ArchRule rule, Class<?> offender) {
        var result = rule.evaluate(BROKEN);
        assertTrue(result.hasViolation(), "the rule let " + offender.getSimpleName() + " pass");
        assertTrue(
                result.getFailureReport().toString().contains(offender.getName()),
                "the rule failed, but not because of " + offender.getSimpleName() + ": " + result.getFailureReport());
    }
}
