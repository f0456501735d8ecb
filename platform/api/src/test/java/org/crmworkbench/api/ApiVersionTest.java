package org.crmworkbench.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiVersionTest {

    @Test
    void the_api_version_is_the_semantic_version_from_the_build() {
        assertThat(ApiVersion.current()).matches("\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void the_module_version_and_the_version_the_workbench_declares_are_one() {
        assertThat(ApiVersion.current()).isEqualTo(System.getProperty("crm.api.version"));
    }

    @Test
    void the_default_plugin_range_ends_at_the_next_major_version() {
        int major = Integer.parseInt(ApiVersion.current().split("\\.")[0]);
        assertThat(System.getProperty("crm.api.next-major")).isEqualTo((major + 1) + ".0.0");
    }

    @Test
    void the_managed_versions_of_our_modules_are_the_workbench_version() {
        assertThat(System.getProperty("crm.workbench.version")).isEqualTo(System.getProperty("crm.parent.version"));
    }
}
