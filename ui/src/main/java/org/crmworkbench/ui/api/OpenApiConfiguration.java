package org.crmworkbench.ui.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /api/v1/openapi.json}: every operation needs a personal API token. */
@Configuration
@OpenAPIDefinition(info = @Info(title = "CRM Workbench API", version = "v1",
        description = "Accounts, contacts, interactions, opportunities, orders and products. Authenticate with "
                + "'Authorization: Bearer <personal API token>' (create one under your user menu, API tokens). "
                + "Errors are RFC 9457 problem details; a stale 'version' on PUT gives 409."),
        security = @SecurityRequirement(name = "token"))
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfiguration {
}
