package io.github.reservekit.http;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.reservekit.reservation.testing.HexagonRules;

@AnalyzeClasses(packages = "io.github.reservekit", importOptions = ImportOption.DoNotIncludeTests.class)
class HttpArchitectureTest {

    @ArchTest
    static final ArchRule the_http_model_uses_only_the_ports_of_the_core =
            HexagonRules.adapter_uses_only_the_ports_of_the_core("io.github.reservekit.http..");

    @ArchTest
    static final ArchRule the_http_model_is_framework_free =
            HexagonRules.does_not_depend_on_any_framework("io.github.reservekit.http..");
}
