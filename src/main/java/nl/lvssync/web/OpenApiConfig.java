package nl.lvssync.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description at /v3/api-docs (Swagger UI at /swagger-ui.html), for administrators. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI lvsSyncOpenApi() {
        return new OpenAPI()
                .info(new Info().title("LVS Sync API").version("1")
                        .description("Sync runs, alerts and their DUO melding, quarantined records, notifications and the"
                                + " audit log (shared/spec/service-contract.md). Roles: ADMIN everything, COORDINATOR the"
                                + " alerts and students of their own schools. Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
