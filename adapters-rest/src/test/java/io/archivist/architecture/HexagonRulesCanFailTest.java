package io.archivist.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.archivist.adapters.rest.violation.ControllerOnEventLoop;
import io.archivist.adapters.rest.violation.RestHelper;
import io.archivist.adapters.seed.violation.SeedUsingRest;
import io.archivist.application.service.RecordService;
import io.archivist.application.violation.ApplicationUsingFramework;
import io.archivist.domain.violation.DomainUsingApplication;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule catches a violation: it is run over a deliberately broken class from this test source tree. */
class HexagonRulesCanFailTest {

    private static final JavaClasses BROKEN = new ClassFileImporter().importClasses(
            DomainUsingApplication.class, ApplicationUsingFramework.class, SeedUsingRest.class, RestHelper.class,
            ControllerOnEventLoop.class,
            RecordService.class);

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

    private static void assertCaught(ArchRule rule, Class<?> offender) {
        var result = rule.evaluate(BROKEN);
        assertTrue(result.hasViolation(), "the rule let " + offender.getSimpleName() + " pass");
        assertTrue(result.getFailureReport().toString().contains(offender.getName()),
                "the rule failed, but not because of " + offender.getSimpleName() + ": " + result.getFailureReport());
    }
}
