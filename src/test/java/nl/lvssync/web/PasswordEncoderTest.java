package nl.lvssync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A configured password without its {id} prefix is a wrong password at login, never an exception per attempt. */
class PasswordEncoderTest {

    final PasswordEncoder encoder = new SecurityConfig().passwordEncoder();

    @Test
    void aPasswordWithoutItsIdNeverMatchesAndNeverThrows() {
        assertThatCode(() -> encoder.matches("secret", "secret")).doesNotThrowAnyException();
        assertThat(encoder.matches("secret", "secret")).isFalse();
        assertThat(encoder.matches("secret", "{noop}secret")).isTrue();
        assertThat(encoder.matches("secret", encoder.encode("secret"))).isTrue();
    }
}
