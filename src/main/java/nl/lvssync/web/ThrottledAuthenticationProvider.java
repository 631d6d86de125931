package nl.lvssync.web;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every login (form and HTTP Basic) passes here: refused while throttled, and each failure logged with the user name
 * and address, never the password.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final AuthenticationProvider delegate;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider delegate, LoginThrottle throttle) {
        this.delegate = delegate;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        Optional<java.time.Duration> wait = throttle.refusedFor(user, address);
        if (wait.isPresent()) {
            LoginThrottledException refused = new LoginThrottledException(wait.get());
            log.warn("Login refused for user '{}' from {}: throttled for {} more seconds", safe(user), address,
                    refused.retryAfterSeconds());
            throw refused;
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            throttle.succeeded(user);
            return result;
        } catch (AuthenticationException e) {
            throttle.failed(user, address);
            log.warn("Login failed for user '{}' from {}: {}", safe(user), address, e.getClass().getSimpleName());
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    /** A user name is typed by anyone: no line breaks or control characters into the log. */
    static String safe(String s) {
        if (s == null) {
            return "";
        }
        String cut = s.length() > 100 ? s.substring(0, 100) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
