package io.github.reservekit.kafka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.reservekit.reservation.testing.HexagonRules;

@AnalyzeClasses(packages = "io.github.reservekit", importOptions = ImportOption.DoNotIncludeTests.class)
class KafkaAdapterArchitectureTest {

    private static final String ADAPTER = "io.github.reservekit.kafka";
    private static final String INTERNAL = ADAPTER + ".internal..";

    @ArchTest
    static final ArchRule adapter_uses_only_the_ports_of_the_core =
            HexagonRules.adapter_uses_only_the_ports_of_the_core(ADAPTER + "..");

    @ArchTest
    static final ArchRule adapter_does_not_depend_on_any_framework =
            HexagonRules.does_not_depend_on_any_framework(ADAPTER + "..");

    @ArchTest
    static final ArchRule adapter_packages_are_free_of_cycles = HexagonRules.packages_are_free_of_cycles(ADAPTER);

    @ArchTest
    static final ArchRule internal_is_used_only_by_the_adapters_public_package = classes()
            .that()
            .resideInAPackage(INTERNAL)
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage(ADAPTER, INTERNAL)
            .because("the wire model and codec are implementation details behind the public API");

    @ArchTest
    static final ArchRule internal_does_not_depend_on_the_public_package = noClasses()
            .that()
            .resideInAPackage(INTERNAL)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ADAPTER)
            .because("the public API is built on the internals, never the other way round");
}
