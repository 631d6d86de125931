package nl.lvssync.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Error answers of the API as RFC 9457 problem details ({@code application/problem+json}) with a message that says
 * what was wrong. The message is also under {@code error}, where earlier answers had it.
 */
public final class ApiProblems {

    private static final ObjectMapper JSON = new ObjectMapper()
            .addMixIn(ProblemDetail.class, org.springframework.http.converter.json.ProblemDetailJacksonMixin.class);

    private ApiProblems() {
    }

    public static ProblemDetail of(HttpStatus status, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        return withError(problem);
    }

    /** Adds the message as {@code error} too. */
    public static ProblemDetail withError(ProblemDetail problem) {
        if (problem.getDetail() != null) {
            problem.setProperty("error", problem.getDetail());
        }
        return problem;
    }

    /** Writes a problem outside Spring MVC (security filters, the readiness filter). */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
            throws IOException {
        ProblemDetail problem = of(status, message);
        if (request != null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
