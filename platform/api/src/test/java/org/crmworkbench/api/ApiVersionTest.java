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
}
