package io.archivist.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of docs/architecture.md over every module's shipped classes. */
class HexagonArchitectureTest {

    @Test
    void domain_depends_only_on_java_and_itself() {
        HexagonRules.DOMAIN_USES_ONLY_THE_JDK.check(ProductionClasses.ALL);
    }

    @Test
    void application_depends_only_on_java_the_domain_and_itself() {
        HexagonRules.APPLICATION_USES_ONLY_THE_JDK_AND_DOMAIN.check(ProductionClasses.ALL);
    }

    @ParameterizedTest
    @MethodSource("adapters")
    void an_adapter_never_uses_another_adapter(String adapter) {
        HexagonRules.adapterUsesNoOtherAdapter(adapter).check(ProductionClasses.ALL);
    }

    @Test
    void only_the_composition_root_uses_service_implementations() {
        HexagonRules.SERVICES_ARE_BUILT_ONLY_BY_THE_COMPOSITION_ROOT.check(ProductionClasses.ALL);
    }

    @Test
    void every_controller_that_uses_a_use_case_runs_off_the_event_loop() {
        HexagonRules.CONTROLLERS_RUN_USE_CASES_OFF_THE_EVENT_LOOP.check(ProductionClasses.ALL);
    }

    @Test
    void ports_in_and_ports_out_do_not_depend_on_each_other() {
        HexagonRules.PORTS_IN_DO_NOT_USE_PORTS_OUT.check(ProductionClasses.ALL);
        HexagonRules.PORTS_OUT_DO_NOT_USE_PORTS_IN.check(ProductionClasses.ALL);
    }

    @Test
    void nothing_in_the_application_knows_http() {
        HexagonRules.APPLICATION_KNOWS_NO_HTTP.check(ProductionClasses.ALL);
    }

    @Test
    void no_packages_form_a_cycle() {
        HexagonRules.TOP_LEVEL_PACKAGES_ARE_FREE_OF_CYCLES.check(ProductionClasses.ALL);
        HexagonRules.APPLICATION_PACKAGES_ARE_FREE_OF_CYCLES.check(ProductionClasses.ALL);
        HexagonRules.REST_PACKAGES_ARE_FREE_OF_CYCLES.check(ProductionClasses.ALL);
    }

    /** A rule over a package with no classes would pass whatever happens; every layer must be here. */
    @ParameterizedTest
    @MethodSource("layers")
    void every_layer_is_on_the_classpath(String layer) {
        String prefix = layer.substring(0, layer.length() - 2);
        assertFalse(
                ProductionClasses.ALL.stream().noneMatch(c -> c.getPackageName().startsWith(prefix)),
                "no class of " + layer + " was imported: its rules would protect nothing");
    }

    static List<String> adapters() {
        return HexagonRules.ADAPTERS;
    }

    static List<String> layers() {
        List<String> all = new java.util.ArrayList<>(List.of(
                HexagonRules.DOMAIN,
                HexagonRules.APPLICATION,
                HexagonRules.SERVICES,
                HexagonRules.PORTS_IN,
                HexagonRules.PORTS_OUT,
                HexagonRules.COMPOSITION_ROOT));
        all.addAll(HexagonRules.ADAPTERS);
        return all;
    }
}
