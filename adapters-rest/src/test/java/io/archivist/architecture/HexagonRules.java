package io.archivist.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * The rules of the house (docs/architecture.md) as whitelists: each names what a layer MAY use, so a
 * new dependency is refused until someone decides it belongs. ArchUnit fails a rule that matches
 * no class at all (failOnEmptyShould), so a misspelt package cannot make a rule pass by accident.
 */
final class HexagonRules {

    static final String DOMAIN = "io.archivist.domain..";
    static final String APPLICATION = "io.archivist.application..";
    static final String SERVICES = "io.archivist.application.service..";
    static final String PORTS_IN = "io.archivist.application.port.in..";
    static final String PORTS_OUT = "io.archivist.application.port.out..";
    static final String COMPOSITION_ROOT = "io.archivist.adapters.rest.wiring..";
    static final List<String> ADAPTERS = List.of(
            "io.archivist.adapters.persistence.jdbc..",
            "io.archivist.adapters.persistence.mongo..",
            "io.archivist.adapters.seed..",
            "io.archivist.adapters.rest..");

    private HexagonRules() {}

    static final ArchRule DOMAIN_USES_ONLY_THE_JDK = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN)
            .because("the domain knows nothing but java.* (docs/architecture.md)");

    static final ArchRule APPLICATION_USES_ONLY_THE_JDK_AND_DOMAIN = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN, APPLICATION)
            .because("the application orchestrates the domain through ports, with no framework");

    /** Within Archivist's own code, an adapter sees the application, the domain and itself: no other adapter. */
    static ArchRule adapterUsesNoOtherAdapter(String adapter) {
        DescribedPredicate<JavaClass> allowed =
                resideOutsideOfPackage("io.archivist..").or(resideInAnyPackage(DOMAIN, APPLICATION, adapter));
        return classes()
                .that()
                .resideInAPackage(adapter)
                .should()
                .onlyDependOnClassesThat(allowed.as("outside io.archivist, or in domain, application or " + adapter))
                .because("adapters depend on the application, never on each other");
    }

    static final ArchRule SERVICES_ARE_BUILT_ONLY_BY_THE_COMPOSITION_ROOT = classes()
            .that()
            .resideInAPackage(SERVICES)
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage(SERVICES, COMPOSITION_ROOT)
            .because("callers use the use-case interfaces; only the wiring knows the implementations");

    static final String USE_CASES = "io.archivist.application.port.in..";

    /** R14: a use case may block on its store; on the event loop it would hold up every other request. */
    static final ArchRule CONTROLLERS_RUN_USE_CASES_OFF_THE_EVENT_LOOP = classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .and(new DescribedPredicate<JavaClass>("use a use case") {
                @Override
                public boolean test(JavaClass controller) {
                    return controller.getDirectDependenciesFromSelf().stream()
                            .anyMatch(d ->
                                    d.getTargetClass().getPackageName().startsWith("io.archivist.application.port.in"));
                }
            })
            .should()
            .beAnnotatedWith(ExecuteOn.class)
            .because("store calls block: they run on the blocking executor, never on the event loop (R14)");

    static final ArchRule PORTS_IN_DO_NOT_USE_PORTS_OUT = noClasses()
            .that()
            .resideInAPackage(PORTS_IN)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(PORTS_OUT)
            .because("what the outside may ask and what the application needs stay apart;"
                    + " a value both use lives in the domain");

    static final ArchRule PORTS_OUT_DO_NOT_USE_PORTS_IN = noClasses()
            .that()
            .resideInAPackage(PORTS_OUT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(PORTS_IN)
            .because("what the application needs from the outside knows nothing of what the outside may ask");

    /**
     * HTTP stays in the REST adapter: its frameworks are outside the application's whitelist already,
     * but the JDK has HTTP classes of its own (java.net.http), and a type named for HTTP is one too.
     */
    static final ArchRule APPLICATION_KNOWS_NO_HTTP = noClasses()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .dependOnClassesThat(resideInAnyPackage("java.net.http..")
                    .or(simpleNameStartingWith("Http"))
                    .as("HTTP classes (java.net.http, or named Http...)"))
            .because("status codes and headers are the REST adapter's; the application keeps answers as its text");

    static final ArchRule TOP_LEVEL_PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("io.archivist.(*)..")
            .should()
            .beFreeOfCycles()
            .because("domain, application and adapters depend inwards only");

    static final ArchRule APPLICATION_PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("io.archivist.application.(**)")
            .should()
            .beFreeOfCycles()
            .because("ports, services and the seed import each build on the ones below them");

    static final ArchRule REST_PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("io.archivist.adapters.rest.(**)")
            .should()
            .beFreeOfCycles()
            .because("the HTTP adapter, the command line, start-up, the job and the wiring each build on the"
                    + " ones below them");
}
