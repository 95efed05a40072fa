package io.archivist.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The rules of the house (docs/architecture.md) as whitelists: each names what a layer MAY use, so a
 * new dependency is refused until someone decides it belongs. ArchUnit fails a rule that matches
 * no class at all (failOnEmptyShould), so a misspelt package cannot make a rule pass by accident.
 */
final class HexagonRules {

    static final String DOMAIN = "io.archivist.domain..";
    static final String APPLICATION = "io.archivist.application..";
    static final String SERVICES = "io.archivist.application.service..";
    static final String COMPOSITION_ROOT = "io.archivist.adapters.rest.wiring..";
    static final List<String> ADAPTERS = List.of(
            "io.archivist.adapters.persistence.jdbc..",
            "io.archivist.adapters.persistence.mongo..",
            "io.archivist.adapters.seed..",
            "io.archivist.adapters.rest..");

    private HexagonRules() {
    }

    static final ArchRule DOMAIN_USES_ONLY_THE_JDK = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .because("the domain knows nothing but java.* (docs/architecture.md)");

    static final ArchRule APPLICATION_USES_ONLY_THE_JDK_AND_DOMAIN = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION)
            .because("the application orchestrates the domain through ports, with no framework");

    /** Within Archivist's own code, an adapter sees the application, the domain and itself: no other adapter. */
    static ArchRule adapterUsesNoOtherAdapter(String adapter) {
        DescribedPredicate<JavaClass> allowed = resideOutsideOfPackage("io.archivist..")
                .or(resideInAnyPackage(DOMAIN, APPLICATION, adapter));
        return classes()
                .that().resideInAPackage(adapter)
                .should().onlyDependOnClassesThat(allowed.as("outside io.archivist, or in domain, application or " + adapter))
                .because("adapters depend on the application, never on each other");
    }

    static final ArchRule SERVICES_ARE_BUILT_ONLY_BY_THE_COMPOSITION_ROOT = classes()
            .that().resideInAPackage(SERVICES)
            .should().onlyHaveDependentClassesThat().resideInAnyPackage(SERVICES, COMPOSITION_ROOT)
            .because("callers use the use-case interfaces; only the wiring knows the implementations");

    static final String USE_CASES = "io.archivist.application.port.in..";

    /** R14: a use case may block on its store; on the event loop it would hold up every other request. */
    static final ArchRule CONTROLLERS_RUN_USE_CASES_OFF_THE_EVENT_LOOP = classes()
            .that().areAnnotatedWith(Controller.class)
            .and(new DescribedPredicate<JavaClass>("use a use case") {
                @Override
                public boolean test(JavaClass controller) {
                    return controller.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("io.archivist.application.port.in"));
                }
            })
            .should().beAnnotatedWith(ExecuteOn.class)
            .because("store calls block: they run on the blocking executor, never on the event loop (R14)");
}
