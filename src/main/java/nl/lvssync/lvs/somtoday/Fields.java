package nl.lvssync.lvs.somtoday;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Field access that tolerates what real responses do: a field in another casing ({@code UUID} in a primer,
 * {@code uuid} in Connect, {@code BSN}), left out, or null. Unknown fields are never looked at.
 */
final class Fields {

    private Fields() {
    }

    /** The field, matched exactly or else case-insensitively; a missing node when absent or null. */
    static JsonNode get(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        JsonNode v = node.get(name);
        if (v == null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equalsIgnoreCase(name)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        return v == null || v.isNull() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : v;
    }

    static String text(JsonNode node, String name) {
        JsonNode v = get(node, name);
        if (v.isMissingNode()) {
            return null;
        }
        String s = v.isValueNode() ? v.asText() : v.toString();
        return s.isBlank() ? null : s.strip();
    }

    static Integer integer(JsonNode node, String name) {
        JsonNode v = get(node, name);
        if (v.isMissingNode()) {
            return null;
        }
        if (v.canConvertToInt()) {
            return v.asInt();
        }
        try {
            return Integer.valueOf(v.asText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + v.asText() + "' is not a number");
        }
    }

    static Boolean bool(JsonNode node, String name) {
        JsonNode v = get(node, name);
        if (v.isMissingNode()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String s = v.asText().strip().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "true", "ja", "1", "j", "yes" -> true;
            case "false", "nee", "0", "n", "no" -> false;
            default -> null;
        };
    }

    /** The id of the object's own {@code self} link (Somtoday's REST objects carry it in {@code links[]}). */
    static String selfId(JsonNode node) {
        JsonNode links = get(node, "links");
        String first = null;
        for (JsonNode link : links) {
            String id = text(link, "id");
            if (id == null) {
                continue;
            }
            if ("self".equalsIgnoreCase(text(link, "rel"))) {
                return id;
            }
            first = first == null ? id : first;
        }
        return first;
    }
}
