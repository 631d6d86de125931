package nl.lvssync.lvs.somtoday;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.lvssync.lvs.LvsHttp;

/**
 * Somtoday's error body {@code {"errors":[{"code","problem","clarification"}]}} as one readable line, so a sync run
 * shows what Somtoday said ("403 Forbidden: geen rechten op vestiging …"), not a JSON dump.
 */
final class SomtodayErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SomtodayErrors() {
    }

    static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode e : errors) {
                    StringBuilder s = new StringBuilder();
                    append(s, Fields.text(e, "code"), "");
                    append(s, Fields.text(e, "problem"), ": ");
                    append(s, Fields.text(e, "clarification"), " — ");
                    parts.add(s.toString());
                }
                return String.join("; ", parts);
            }
        } catch (IOException | RuntimeException e) {
            // not the documented error body: show it as it came
        }
        return LvsHttp.abbreviate(body);
    }

    private static void append(StringBuilder s, String value, String separator) {
        if (value != null && !value.isBlank()) {
            s.append(s.isEmpty() ? "" : separator).append(value.strip());
        }
    }
}
