package nl.lvssync.lvs.magister;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import nl.lvssync.school.CodeTable;
import nl.lvssync.sync.AbsenceRecord;
import nl.lvssync.sync.EnrolmentRecord;
import nl.lvssync.sync.LessonRecord;
import nl.lvssync.time.ClockConfig;
import nl.lvssync.verzuim.Verdict;

/**
 * Maps Magister's JSON items to our records. An invalid item throws {@link InvalidRecordException} with the
 * reason, so the connector can quarantine it and go on.
 */
final class MagisterMapper {

    /** Afspraak.Type for a lesson; other appointment kinds are not lessons. */
    static final int TYPE_LES = 13;

    private final CodeTable codes;

    MagisterMapper(CodeTable codes) {
        this.codes = codes;
    }

    Optional<LessonRecord> lesson(JsonNode a) {
        String id = requiredId(a, "Id");
        if (a.path("Type").asInt(TYPE_LES) != TYPE_LES) {
            return Optional.empty();
        }
        try {
            Instant start = MagisterTime.instant("Start", text(a, "Start"));
            Instant end = MagisterTime.instant("Einde", text(a, "Einde"));
            if (end.isBefore(start)) {
                throw new InvalidRecordException("lesson ends (" + end + ") before it starts (" + start + ")");
            }
            Integer status = intOrNull(a, "Status");
            return Optional.of(new LessonRecord(id, localDate(start), start, end, intOrNull(a, "LesuurVan"),
                    intOrNull(a, "LesuurTotMet"), status, isCancelled(status), subject(a), text(a, "Omschrijving")));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    AbsenceRecord absence(JsonNode a) {
        String id = requiredId(a, "Id");
        try {
            Instant start = MagisterTime.instant("Start", text(a, "Start"));
            Instant end = MagisterTime.instant("Eind", text(a, "Eind"));
            if (end.isBefore(start)) {
                throw new InvalidRecordException("absence ends (" + text(a, "Eind") + ") before it starts ("
                        + text(a, "Start") + ")");
            }
            JsonNode afspraak = a.path("Afspraak");
            Instant lessonStart = null;
            Instant lessonEnd = null;
            boolean cancelled = false;
            if (afspraak.isObject()) {
                lessonStart = optionalInstant("Afspraak.Start", text(afspraak, "Start"));
                lessonEnd = optionalInstant("Afspraak.Einde", text(afspraak, "Einde"));
                if (lessonStart != null && lessonEnd != null && lessonEnd.isBefore(lessonStart)) {
                    throw new InvalidRecordException("the absence's lesson ends before it starts");
                }
                cancelled = isCancelled(intOrNull(afspraak, "Status"));
            }
            String lessonId = text(a, "AfspraakId");
            if ((lessonId == null || "0".equals(lessonId)) && afspraak.isObject()) {
                lessonId = text(afspraak, "Id");
            }
            Integer type = intOrNull(a, "Verantwoordingtype");
            Boolean excused = a.hasNonNull("Geoorloofd") ? a.get("Geoorloofd").asBoolean() : null;
            String code = text(a, "Code");
            Verdict verdict = codes.verdict(code, type, excused);
            return new AbsenceRecord(id, lessonId, localDate(start), start, end, lessonStart, lessonEnd,
                    intOrNull(a, "Lesuur"), code, text(a, "Omschrijving"), type, excused, verdict, cancelled);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    EnrolmentRecord enrolment(JsonNode a) {
        String id = requiredId(a, "id");
        try {
            JsonNode groep = a.path("groep");
            LocalDate begin = MagisterTime.date("begin", text(a, "begin"));
            LocalDate end = MagisterTime.date("einde", text(a, "einde"));
            if (begin != null && end != null && end.isBefore(begin)) {
                throw new InvalidRecordException("enrolment ends (" + end + ") before it starts (" + begin + ")");
            }
            return new EnrolmentRecord(id, text(a.path("studie"), "code"), text(groep, "code"),
                    text(groep, "omschrijving"), text(a.path("lesperiode"), "code"), mentor(a.path("persoonlijkeMentor")),
                    begin, end, a.hasNonNull("isHoofdAanmelding") ? a.get("isHoofdAanmelding").asBoolean() : null);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    /** Status 4 and 5 are vervallen (cancelled): such an appointment is not a lesson. */
    static boolean isCancelled(Integer status) {
        return status != null && (status == 4 || status == 5);
    }

    static LocalDate localDate(Instant instant) {
        return instant.atZone(ClockConfig.AMSTERDAM).toLocalDate();
    }

    private static Instant optionalInstant(String field, String value) {
        return value == null || value.isBlank() ? null : MagisterTime.instant(field, value);
    }

    private static String subject(JsonNode a) {
        JsonNode vakken = a.path("Vakken");
        return vakken.isArray() && !vakken.isEmpty() ? text(vakken.get(0), "Naam") : null;
    }

    private static String mentor(JsonNode mentor) {
        if (mentor.isMissingNode() || mentor.isNull()) {
            return null;
        }
        if (mentor.isValueNode()) {
            return mentor.asText();
        }
        for (String f : new String[] {"naam", "Naam", "code", "omschrijving"}) {
            if (mentor.hasNonNull(f)) {
                return mentor.get(f).asText();
            }
        }
        return mentor.toString();
    }

    private static String requiredId(JsonNode a, String field) {
        String id = text(a, field);
        if (id == null || id.isBlank()) {
            throw new InvalidRecordException("record has no " + field);
        }
        return id;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static Integer intOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.canConvertToInt()) {
            return v.asInt();
        }
        String s = v.asText().strip().toLowerCase(Locale.ROOT);
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " '" + v.asText() + "' is not a number");
        }
    }
}
