package nl.lvssync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Role names as operators write them: any case, with or without Spring's ROLE_ prefix, mean the same role. */
class SecurityPropertiesTest {

    @Test
    void rolesAreKeptAsTheirBareUpperCaseName() {
        SecurityProperties.User user = new SecurityProperties.User("u", "{noop}x",
                List.of("admin", "ROLE_ADMIN", " Role_Coordinator ", "coordinator", ""), null);
        assertThat(user.roles()).containsExactly("ADMIN", "COORDINATOR");
    }
}
