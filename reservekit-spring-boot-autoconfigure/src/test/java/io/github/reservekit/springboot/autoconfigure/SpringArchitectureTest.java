package io.github.reservekit.springboot.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.reservekit.reservation.testing.HexagonRules;

@AnalyzeClasses(
        packages = "io.github.reservekit.springboot.autoconfigure",
        importOptions = ImportOption.DoNotIncludeTests.class)
class SpringArchitectureTest {

    @ArchTest
    static final ArchRule controllers_use_the_use_case_ports_only = noClasses()
            .that()
            .resideInAPackage("io.github.reservekit.springboot.autoconfigure.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    HexagonRules.SERVICES,
                    HexagonRules.CORE_ADAPTERS,
                    HexagonRules.BOOTSTRAP,
                    "org.apache.kafka..",
                    "io.github.reservekit.kafka..",
                    "org.springframework.kafka..")
            .because("the web layer drives the core through its ports and knows nothing of Kafka");

    @ArchTest
    static final ArchRule the_shell_holds_no_micronaut_type = noClasses()
            .that()
            .resideInAPackage("io.github.reservekit.springboot.autoconfigure..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.micronaut..")
            .because("the Spring Boot module uses Spring only");

    @ArchTest
    static final ArchRule the_shell_takes_the_core_as_assembled_once_never_its_services = noClasses()
            .that()
            .resideInAPackage("io.github.reservekit.springboot.autoconfigure..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(HexagonRules.SERVICES, HexagonRules.CORE_ADAPTERS)
            .because("the core is assembled once (ReservationApplication, through the adapter's ReserveKitKafka);"
                    + " the auto-configuration exposes it and adds nothing of its own");
}
