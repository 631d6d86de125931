package nl.lvssync.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.ModelAndView;

/**
 * What reaches {@code /error} (an unknown path, a wrong method, an exception outside a controller): a problem detail
 * with a message for the API and any client that does not ask for HTML, the dashboard's error page for a browser.
 * A call under {@code /api/} always gets JSON.
 */
@Controller
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
        type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
class ApiErrorController extends BasicErrorController {

    ApiErrorController(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> resolvers) {
        super(errorAttributes, server.getError(), resolvers);
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (isApi(request)) {
            ResponseEntity<Map<String, Object>> json = error(request);
            try {
                response.setStatus(json.getStatusCode().value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                new com.fasterxml.jackson.databind.ObjectMapper().writeValue(response.getOutputStream(), json.getBody());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null; // answered: an API call gets JSON even when it accepts HTML
        }
        return super.errorHtml(request, response);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> attributes = getErrorAttributes(request, ErrorAttributeOptions.of(ErrorAttributeOptions.Include.MESSAGE));
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = String.valueOf(attributes.getOrDefault("message", ""));
        if (message.isBlank() || "No message available".equals(message) || message.startsWith("No static resource")) {
            message = switch (status) {
                case NOT_FOUND -> "no such resource: " + path;
                case METHOD_NOT_ALLOWED -> "method not allowed on " + path;
                case BAD_REQUEST -> "the request is malformed";
                default -> status.getReasonPhrase();
            };
        } else if (status.is5xxServerError()) {
            message = "internal error (see the service log)";
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", message);
        if (path != null) {
            problem.put("instance", path.toString());
        }
        problem.put("error", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? "" : uri.toString().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs");
    }
}
