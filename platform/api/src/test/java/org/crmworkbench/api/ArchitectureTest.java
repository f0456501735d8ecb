package org.crmworkbench.api;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.crmworkbench.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_api_depends_on_no_implementation =
            noClasses().that().resideInAPackage("org.crmworkbench.api..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.crmworkbench.core..", "org.crmworkbench.ui..", "org.crmworkbench.db..",
                            "org.crmworkbench.plugin..", "org.springframework..");
}
