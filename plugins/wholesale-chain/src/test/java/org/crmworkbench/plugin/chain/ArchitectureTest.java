package org.crmworkbench.plugin.chain;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.crmworkbench.plugin.chain", importOptions = ImportOption.DoNotIncludeTests.class)
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

    @ArchTest
    static final ArchRule views_dialogs_and_panels_run_no_sql =
            noClasses().that().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("Dialog")
                    .or().haveSimpleNameEndingWith("Panel").or().haveSimpleNameEndingWith("Widget")
                    .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.crmworkbench.plugin.chain.jooq..");

    @ArchTest
    static final ArchRule the_chain_services_know_nothing_of_the_ui =
            noClasses().that().haveNameMatching(
                            "org\\.crmworkbench\\.plugin\\.chain\\..*\\.(Chains|ChainDiagram|Roles|Risks|Scorecards|Trends|LinkImport)")
                    .or().haveFullyQualifiedName("org.crmworkbench.plugin.chain.ChainSettings")
                    .should().dependOnClassesThat().resideInAPackage("com.vaadin..");
}
