package nl.lvssync.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.camel.CamelContext;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the service is ready (the routes started, Spring's readiness ACCEPTING_TRAFFIC) and again while it stops,
 * every call but the actuator's is answered 503 with {@code Retry-After}: never a 500 from a half-started service,
 * never a sync run started that no route will execute.
 */
@Component
public class NotReadyFilter extends OncePerRequestFilter implements Ordered {

    /** Seconds a client should wait; the service is usually ready within them. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final CamelContext camel;
    private final ApplicationAvailability availability;

    public NotReadyFilter(CamelContext camel, ApplicationAvailability availability) {
        this.camel = camel;
        this.availability = availability;
    }

    @Override
    public int getOrder() {
        // before Spring Security: a client without credentials also learns to come back, rather than a 401 now
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator") || path.startsWith("/error");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ready()) {
            chain.doFilter(request, response);
            return;
        }
        notReady(response, "LVS Sync is not ready (its routes are " + camel.getStatus().name().toLowerCase(java.util.Locale.ROOT)
                + ", readiness " + availability.getReadinessState() + "); try again in a few seconds");
    }

    boolean ready() {
        return camel.getStatus().isStarted() && availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    static void notReady(HttpServletResponse response, String message) throws IOException {
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        ApiProblems.write(null, response, org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, message);
    }
}
