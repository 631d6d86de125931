package nl.lvssync.lvs.magister;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a field of any Magister object with its name in any casing: live schools answer PascalCase ({@code Items},
 * {@code Id}, {@code Studie}), older documentation camelCase ({@code items}, {@code id}, {@code studie}); both are
 * one field. A field that is absent or JSON null reads as empty, never as an error.
 */
final class MagisterFields {

    private MagisterFields() {
    }

    /** The field, found case-insensitively; {@link MissingNode} when absent (JSON null stays a null node). */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return MissingNode.getInstance();
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return MissingNode.getInstance();
    }

    /** The first of the names that is present and not null; {@link MissingNode} when none is. */
    static JsonNode first(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = field(node, name);
            if (!v.isMissingNode() && !v.isNull()) {
                return v;
            }
        }
        return MissingNode.getInstance();
    }

    static boolean present(JsonNode v) {
        return v != null && !v.isMissingNode() && !v.isNull();
    }

    /** A value field as text (objects as their JSON); null when absent, null or blank. */
    static String text(JsonNode node, String name) {
        return textOf(field(node, name));
    }

    static String textOf(JsonNode v) {
        if (!present(v)) {
            return null;
        }
        String s = v.isValueNode() ? v.asText() : v.toString();
        return s.isBlank() ? null : s.strip();
    }

    /**
     * A number field, also when sent as a string ("7"); null when absent or not a number. The numbers we read (Type,
     * Status, Lesuur, Verantwoordingtype) are optional: without one the record reads as the safe default (a lesson
     * that took place, an absence of unknown kind counted as unexcused), never as a reason to drop it.
     */
    static Integer integer(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!present(v)) {
            return null;
        }
        if (v.isNumber()) {
            return v.canConvertToInt() ? v.asInt() : null;
        }
        try {
            return Integer.valueOf(v.asText().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A boolean field: true/false, also "true"/"false", 1/0; null when absent or unreadable. */
    static Boolean bool(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!present(v)) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String s = v.asText().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "1", "ja", "yes" -> Boolean.TRUE;
            case "false", "0", "nee", "no" -> Boolean.FALSE;
            default -> null;
        };
    }

    /**
     * A code-like value that comes as a plain string ({@code "Lesperiode":"2526"}) or as an object
     * ({@code "lesperiode":{"code":"2526"}}, {@code "Studie":{"Id":1,"Omschrijving":"HAVO/3"}}): the string, or the
     * object's first of the given fields.
     */
    static String codeOf(JsonNode v, String... objectFields) {
        if (!present(v)) {
            return null;
        }
        if (v.isValueNode()) {
            return textOf(v);
        }
        if (v.isArray()) {
            return v.isEmpty() ? null : codeOf(v.get(0), objectFields);
        }
        for (String f : objectFields) {
            String s = text(v, f);
            if (s != null) {
                return s;
            }
        }
        return null;
    }
}
