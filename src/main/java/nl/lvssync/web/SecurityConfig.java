package nl.lvssync.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic for API clients and a login form for the dashboard. ADMIN sees everything; a COORDINATOR only
 * the alerts and students of their own schools (checked per request by {@link CurrentUser}).
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        // probes and scrapers carry no personal data and usually no credentials
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/alerts/**", "/api/schools/**", "/alerts/**").hasAnyRole("ADMIN", "COORDINATOR")
                        .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                // the API is used with Basic credentials, not a browser session cookie
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    InMemoryUserDetailsManager users(SecurityProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (SecurityProperties.User u : properties.users()) {
            if (u.username() == null || u.password() == null || u.password().isBlank()) {
                throw new IllegalStateException("lvs-sync.security.users: every user needs a username and a password");
            }
            users.add(User.withUsername(u.username()).password(u.password())
                    .roles(u.roles().isEmpty() ? new String[] {"COORDINATOR"} : u.roles().toArray(String[]::new)).build());
        }
        if (users.isEmpty()) {
            String password = System.getenv("LVS_SYNC_ADMIN_PASSWORD");
            if (password == null || password.isBlank()) {
                byte[] random = new byte[12];
                new SecureRandom().nextBytes(random);
                password = HexFormat.of().formatHex(random);
                log.warn("No users configured (lvs-sync.security.users): generated admin password for user 'admin': {}"
                        + "  (set LVS_SYNC_ADMIN_PASSWORD to choose one)", password);
            }
            users.add(User.withUsername("admin").password(encoder.encode(password)).roles("ADMIN").build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}
