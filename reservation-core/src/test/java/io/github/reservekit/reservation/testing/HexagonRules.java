package io.github.reservekit.reservation.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules of ReserveKit, in one place. The fields are the core's rules (run them with
 * {@code ArchTests.in(HexagonRules.class)} over the core's production classes); the methods build the rules
 * other modules apply to themselves.
 *
 * <p>None of them may pass vacuously: ArchUnit's default {@code archRule.failOnEmptyShould=true} makes a rule
 * whose packages hold no class fail, and no rule here relaxes that.
 */
public final class HexagonRules {

    public static final String CORE = "io.github.reservekit.reservation";
    public static final String DOMAIN = CORE + ".domain..";
    public static final String APPLICATION = CORE + ".application..";
    public static final String PORTS = CORE + ".application.port..";
    public static final String SERVICES = CORE + ".application.service..";
    public static final String CORE_ADAPTERS = CORE + ".adapter..";
    public static final String BOOTSTRAP = CORE + ".bootstrap..";

    private HexagonRules() {}

    @ArchTest
    public static final ArchRule core_depends_only_on_the_jdk = classes()
            .that()
            .resideInAPackage(CORE + "..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", CORE + "..")
            .because("the core is a plain library that any framework, or none, can embed");

    @ArchTest
    public static final ArchRule domain_does_not_depend_on_the_application = noClasses()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(APPLICATION, CORE_ADAPTERS, BOOTSTRAP)
            .because("the domain decides; use cases and adapters only drive it");

    @ArchTest
    public static final ArchRule ports_do_not_depend_on_services = noClasses()
            .that()
            .resideInAPackage(PORTS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(SERVICES, CORE_ADAPTERS, BOOTSTRAP)
            .because("ports are the contract; services and adapters are replaceable implementations of it");

    @ArchTest
    public static final ArchRule application_does_not_depend_on_adapters = noClasses()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CORE_ADAPTERS, BOOTSTRAP)
            .because("adapters plug into ports, never the other way round");

    @ArchTest
    public static final ArchRule core_layers_are_free_of_cycles =
            slices().matching(CORE + ".(*)..").should().beFreeOfCycles();

    @ArchTest
    public static final ArchRule application_packages_are_free_of_cycles =
            slices().matching(CORE + ".application.(**)").should().beFreeOfCycles();

    /**
     * An adapter module reaches the core through its ports and domain only: never its services, its own
     * adapters or its bootstrap, which are one possible assembly, not the contract.
     */
    public static ArchRule adapter_uses_only_the_ports_of_the_core(String adapterPackage) {
        return noClasses()
                .that()
                .resideInAPackage(adapterPackage)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(SERVICES, CORE_ADAPTERS, BOOTSTRAP)
                .because("an adapter implements a port; it must not know how the core is assembled");
    }

    /** A module stays free of Spring, Micronaut and Jakarta injection types. */
    public static ArchRule does_not_depend_on_any_framework(String modulePackage) {
        return noClasses()
                .that()
                .resideInAPackage(modulePackage)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "io.micronaut..", "jakarta.inject..", "javax.inject..")
                .because("frameworks belong in the runtime shells only");
    }

    /** The packages directly under {@code rootPackage} do not depend on each other in a cycle. */
    public static ArchRule packages_are_free_of_cycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }
}
