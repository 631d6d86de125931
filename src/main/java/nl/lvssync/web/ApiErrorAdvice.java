package nl.lvssync.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a JSON endpoint as a problem detail with a message: what Spring MVC raises (a missing or
 * malformed parameter, an unknown path, a wrong method), what controllers throw, and anything unexpected (500,
 * logged, without internals in the answer).
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrorAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another value" : switch (e.getRequiredType().getSimpleName()) {
            case "LocalDate" -> "a date (yyyy-mm-dd)";
            case "int", "Integer", "long", "Long" -> "a whole number";
            default -> "a " + e.getRequiredType().getSimpleName();
        };
        return ResponseEntity.badRequest().body(ApiProblems.of(HttpStatus.BAD_REQUEST,
                "parameter '" + e.getName() + "' must be " + expected + ", not '" + e.getValue() + "'"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // the security filters answer these
        }
        log.error("Unexpected error in an API call", e);
        return ResponseEntity.internalServerError().body(ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal error: " + e.getClass().getSimpleName() + " (see the service log)"));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest().body(ApiProblems.of(HttpStatus.BAD_REQUEST,
                "parameter '" + ex.getParameterName() + "' is required"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(ApiProblems.of(HttpStatus.BAD_REQUEST,
                "the request body is not valid JSON for this call" + why(ex.getCause())));
    }

    /** What in the body was wrong, in the client's terms: the field or the place, never our class names. */
    private static String why(Throwable cause) {
        if (cause instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
            return ": field '" + field + "' has a value of the wrong kind";
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
            String what = j.getOriginalMessage() == null ? "" : j.getOriginalMessage().replaceAll("`[^`]*`", "a value")
                    .lines().findFirst().orElse("");
            return ": " + what + " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")";
        }
        return cause == null ? ": the body is empty or unreadable" : "";
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            ApiProblems.withError(problem);
        }
        return answer;
    }
}
