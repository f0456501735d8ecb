package org.crmworkbench.plugin.tender;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.crmworkbench.plugin.tender", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_plugin_talks_to_the_shell_only_through_the_platform_api =
            noClasses().that().resideInAPackage("org.crmworkbench.plugin..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            "org.crmworkbench.core..", "org.crmworkbench.ui..", "org.crmworkbench.db..", "org.springframework..");

    @ArchTest
    static final ArchRule the_plugin_reads_no_core_tables_only_the_public_views =
            noClasses().that().resideInAPackage("org.crmworkbench.plugin..")
                    .should().dependOnClassesThat().resideInAPackage("org.crmworkbench.db.jooq..");
}
