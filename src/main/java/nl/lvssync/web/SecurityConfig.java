package nl.lvssync.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic for API clients and a login form for the dashboard, in one filter chain. ADMIN sees everything; a
 * COORDINATOR only the alerts and students of their own schools (checked per request by {@link CurrentUser}).
 *
 * <p>A browser session is protected against cross-site requests twice: the session cookie is {@code SameSite=Lax}
 * and every state-changing request on a session needs the CSRF token. Only a request that carries its own
 * {@code Authorization: Basic} credentials skips the token: a cross-site page cannot make a browser send those.
 * An API client without credentials gets a 401 problem answer and no session; a browser is sent to the login page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);
    private static final Pattern ENCODED = Pattern.compile("^\\{[^}]*}.*", Pattern.DOTALL);

    /** The JSON side: no login page, no saved request, problem answers. */
    static final RequestMatcher API = request -> {
        String path = path(request);
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs");
    };

    static final RequestMatcher BASIC_CREDENTIALS = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    };

    /**
     * An API call with no signed-in user behind it: it skips the CSRF check, so that, whatever its method, it is
     * answered 401 with the Basic challenge (not 403). A forged request riding a signed-in session is still refused.
     */
    static final RequestMatcher ANONYMOUS_API = request -> API.matches(request) && !signedIn();

    private static boolean signedIn() {
        org.springframework.security.core.Authentication auth =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated()
                && !(auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, SecurityProperties properties, InMemoryUserDetailsManager users,
                            PasswordEncoder encoder, @Value("${management.server.port:-1}") int managementPort,
                            @Value("${server.port:8080}") int serverPort) throws Exception {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        LoginThrottle throttle = new LoginThrottle(properties.loginThrottle(), Clock.systemUTC());
        http.authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle)));

        boolean separateManagementPort = properties.managementPortOpen() && managementPort > 0 && managementPort != serverPort;
        RequestMatcher onManagementPort = request -> separateManagementPort && request.getLocalPort() == managementPort;

        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        // only a page the browser asked for is worth returning to after the login; the API and assets never are
        pages.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !API.matches(request)
                && !path(request).startsWith("/webjars/") && !path(request).startsWith("/css/")
                && !path(request).startsWith("/js/") && request.getHeader("HX-Request") == null);

        http.authorizeHttpRequests(auth -> auth
                        // probes carry no personal data; details only for ADMIN (management.endpoint.health.roles)
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                                "/actuator/info").permitAll()
                        .requestMatchers(onManagementPort).permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**").hasRole("ADMIN")
                        .requestMatchers("/beheer", "/beheer/**").hasRole("ADMIN")
                        .requestMatchers("/api/alerts/**", "/api/schools/**", "/alerts/**", "/leerlingen/**", "/")
                        .hasAnyRole("ADMIN", "COORDINATOR")
                        .requestMatchers(HttpMethod.GET, "/api/me").authenticated()
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
                .formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?uitgelogd"))
                .requestCache(cache -> cache.requestCache(pages))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(apiEntryPoint(), API)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                        .defaultAccessDeniedHandlerFor(apiAccessDenied(), API))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BASIC_CREDENTIALS, ANONYMOUS_API).csrfTokenRepository(new NoNewSessionOnRefusal()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self';"
                                + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none';"
                                + " form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * The CSRF token lives in the session, but a state-changing request that arrives without a session (a forged
     * cross-site post, whose browser sent no cookie) does not start one: its new cookie would replace, and so log out,
     * the user's real session. A page (GET) may start one, as the login form must.
     */
    static final class NoNewSessionOnRefusal implements org.springframework.security.web.csrf.CsrfTokenRepository {
        private final org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository sessions =
                new org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository();

        @Override
        public org.springframework.security.web.csrf.CsrfToken generateToken(HttpServletRequest request) {
            return sessions.generateToken(request);
        }

        @Override
        public void saveToken(org.springframework.security.web.csrf.CsrfToken token, HttpServletRequest request,
                              jakarta.servlet.http.HttpServletResponse response) {
            boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            if (token == null || safe || request.getSession(false) != null) {
                sessions.saveToken(token, request, response);
            }
        }

        @Override
        public org.springframework.security.web.csrf.CsrfToken loadToken(HttpServletRequest request) {
            return sessions.loadToken(request);
        }
    }

    /** 401 with a problem answer and the Basic challenge; 429 with Retry-After while throttled. No session. */
    static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
                ApiProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"LVS Sync\"");
            ApiProblems.write(request, response, HttpStatus.UNAUTHORIZED,
                    request.getHeader("Authorization") == null ? "authentication required (HTTP Basic)"
                            : "the user name or password is wrong");
        };
    }

    static AccessDeniedHandler apiAccessDenied() {
        return (request, response, e) -> ApiProblems.write(request, response, HttpStatus.FORBIDDEN,
                e instanceof org.springframework.security.web.csrf.CsrfException
                        ? "a request on a browser session needs its CSRF token (X-CSRF-TOKEN)"
                        : "this call is not allowed for your role");
    }

    static AuthenticationFailureHandler loginFailure() {
        return (request, response, e) -> {
            String target = e instanceof LoginThrottledException t ? "/login?wacht=" + t.retryAfterSeconds() : "/login?fout";
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    /**
     * Passwords are written as {id}encoded. One without its {id} is a configuration error: said once at start-up, and
     * that user's logins fail cleanly (as a wrong password) instead of with a stack trace per attempt.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        encoder.setDefaultPasswordEncoderForMatches(new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return false;
            }
        });
        return encoder;
    }

    @Bean
    InMemoryUserDetailsManager users(SecurityProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (SecurityProperties.User u : properties.users()) {
            if (u.username() == null || u.password() == null || u.password().isBlank()) {
                throw new IllegalStateException("lvs-sync.security.users: every user needs a username and a password");
            }
            if (!ENCODED.matcher(u.password()).matches()) {
                log.error("lvs-sync.security.users: the password of user '{}' has no {{id}} prefix (write it as {{bcrypt}}… or,"
                        + " for tests only, {{noop}}…); this user cannot log in until it is fixed", u.username());
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

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
