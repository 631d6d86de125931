package nl.lvssync.lvs.magister;

import static nl.lvssync.lvs.magister.MagisterFields.bool;
import static nl.lvssync.lvs.magister.MagisterFields.codeOf;
import static nl.lvssync.lvs.magister.MagisterFields.field;
import static nl.lvssync.lvs.magister.MagisterFields.first;
import static nl.lvssync.lvs.magister.MagisterFields.integer;
import static nl.lvssync.lvs.magister.MagisterFields.present;
import static nl.lvssync.lvs.magister.MagisterFields.text;
import static nl.lvssync.lvs.magister.MagisterFields.textOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.lvssync.ClockConfig;
import nl.lvssync.school.CodeTable;
import nl.lvssync.school.Verdict;
import nl.lvssync.sync.AbsenceRecord;
import nl.lvssync.sync.EnrolmentRecord;
import nl.lvssync.sync.LessonRecord;

/**
 * Maps Magister's JSON items to our records, field names in any casing. An invalid item throws
 * {@link InvalidRecordException} with the reason, so the connector can quarantine it and go on; a field the LVS
 * does not send is empty, never a reason to reject a record.
 */
final class MagisterMapper {

    /** Afspraak.Type for a lesson; other appointment kinds are not lessons. */
    static final int TYPE_LES = 13;

    private final CodeTable codes;

    MagisterMapper(CodeTable codes) {
        this.codes = codes;
    }

    Optional<LessonRecord> lesson(JsonNode a) {
        String id = requiredId(a);
        try {
            Integer type = integer(a, "Type");
            if (type != null && type != TYPE_LES) {
                return Optional.empty();
            }
            Instant start = MagisterTime.instant("Start", text(a, "Start"));
            Instant end = MagisterTime.instant("Einde", textOf(first(a, "Einde", "Eind")));
            if (end.isBefore(start)) {
                throw new InvalidRecordException("lesson ends (" + end + ") before it starts (" + start + ")");
            }
            Integer status = integer(a, "Status");
            return Optional.of(new LessonRecord(id, localDate(start), start, end, integer(a, "LesuurVan"),
                    integer(a, "LesuurTotMet"), status, isCancelled(status), subject(a), text(a, "Omschrijving")));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    /**
     * An absence. Live Magister gives its own Start and Eind as the UTC instant of local midnight: they give the
     * date (in Amsterdam), not the time of day. The lesson's times come from the nested Afspraak when it has them;
     * otherwise the connector takes them from the timetable ({@link #withLesson}).
     */
    AbsenceRecord absence(JsonNode a) {
        String id = requiredId(a);
        try {
            Instant start = MagisterTime.instant("Start", text(a, "Start"));
            String eindText = textOf(first(a, "Eind", "Einde"));
            Instant end = eindText == null ? start : MagisterTime.instant("Eind", eindText);
            if (end.isBefore(start)) {
                throw new InvalidRecordException("absence ends (" + eindText + ") before it starts (" + text(a, "Start") + ")");
            }
            JsonNode afspraak = field(a, "Afspraak");
            Instant lessonStart = null;
            Instant lessonEnd = null;
            boolean cancelled = false;
            Integer lesuur = integer(a, "Lesuur");
            if (afspraak.isObject()) {
                Instant s = lessonTime(afspraak, "Start");
                Instant e = lessonTime(afspraak, "Einde");
                // a copy of the lesson without usable times is no copy: the timetable gives them (the absence stays)
                if (s != null && e != null && e.isAfter(s)) {
                    lessonStart = s;
                    lessonEnd = e;
                }
                cancelled = isCancelled(integer(afspraak, "Status"));
                if (lesuur == null) {
                    lesuur = integer(afspraak, "LesuurVan");
                }
            }
            String lessonId = text(a, "AfspraakId");
            if ((lessonId == null || "0".equals(lessonId)) && afspraak.isObject()) {
                lessonId = text(afspraak, "Id");
            }
            if ("0".equals(lessonId)) {
                lessonId = null;
            }
            Integer type = integer(a, "Verantwoordingtype");
            Boolean excused = bool(a, "Geoorloofd");
            String code = text(a, "Code");
            Verdict verdict = codes.verdict(code, type, excused);
            return new AbsenceRecord(id, lessonId, localDate(start), start, end, lessonStart, lessonEnd, lesuur, code,
                    text(a, "Omschrijving"), type, excused, verdict, cancelled);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    /** The absence with the times (and id, and cancelled state) of its lesson in the student's timetable. */
    static AbsenceRecord withLesson(AbsenceRecord a, LessonRecord l) {
        return new AbsenceRecord(a.lvsId(), l.lvsId(), a.date(), a.start(), a.end(), l.start(), l.end(),
                a.lesuur() != null ? a.lesuur() : l.lesuurVan(), a.code(), a.description(), a.lvsType(), a.lvsExcused(),
                a.verdict(), a.lessonCancelled() || l.cancelled());
    }

    /**
     * An aanmelding in either shape: live PascalCase ({@code Id, Start, Einde, Lesperiode:"2526",
     * Studie{Id,Omschrijving}, Groep{Id,Omschrijving,LocatieId}, Profiel, Profiel2}) or the older camelCase
     * ({@code id, begin, einde, lesperiode{code}, studie{id,code}, groep{id,code,omschrijving}, profielen,
     * persoonlijkeMentor, isHoofdAanmelding}).
     */
    EnrolmentRecord enrolment(JsonNode a) {
        String id = requiredId(a);
        try {
            JsonNode groep = field(a, "Groep");
            LocalDate begin = MagisterTime.date("Start", textOf(first(a, "Start", "Begin")));
            LocalDate end = MagisterTime.date("Einde", textOf(first(a, "Einde", "Eind")));
            if (begin != null && end != null && end.isBefore(begin)) {
                throw new InvalidRecordException("enrolment ends (" + end + ") before it starts (" + begin + ")");
            }
            JsonNode profielen = field(a, "Profielen");
            String profiel = codeOf(field(a, "Profiel"), "Code", "Omschrijving", "Naam");
            String profiel2 = codeOf(field(a, "Profiel2"), "Code", "Omschrijving", "Naam");
            if (profiel == null && profielen.isArray() && !profielen.isEmpty()) {
                profiel = codeOf(profielen.get(0), "Code", "Omschrijving", "Naam");
            }
            if (profiel2 == null && profielen.isArray() && profielen.size() > 1) {
                profiel2 = codeOf(profielen.get(1), "Code", "Omschrijving", "Naam");
            }
            return new EnrolmentRecord(id, codeOf(field(a, "Studie"), "Code", "Omschrijving"),
                    codeOf(groep, "Code", "Omschrijving"), groep.isObject() ? text(groep, "Omschrijving") : null,
                    codeOf(field(a, "Lesperiode"), "Code", "Omschrijving", "Naam"), mentor(field(a, "PersoonlijkeMentor")),
                    begin, end, bool(a, "IsHoofdAanmelding"), profiel, profiel2,
                    groep.isObject() ? text(groep, "LocatieId") : null);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }

    /** Status 4 and 5 are vervallen (cancelled): such an appointment is not a lesson. Any other (1, 7, …) is one. */
    static boolean isCancelled(Integer status) {
        return status != null && (status == 4 || status == 5);
    }

    static LocalDate localDate(Instant instant) {
        return instant.atZone(ClockConfig.AMSTERDAM).toLocalDate();
    }

    /** A time of the nested lesson copy; unreadable counts as absent, the timetable has the lesson too. */
    private static Instant lessonTime(JsonNode afspraak, String field) {
        String value = text(afspraak, field);
        if (value == null) {
            return null;
        }
        try {
            return MagisterTime.instant("Afspraak." + field, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String subject(JsonNode a) {
        JsonNode vakken = field(a, "Vakken");
        return vakken.isArray() && !vakken.isEmpty() ? text(vakken.get(0), "Naam") : null;
    }

    private static String mentor(JsonNode mentor) {
        if (!present(mentor)) {
            return null;
        }
        return mentor.isValueNode() ? textOf(mentor) : codeOf(mentor, "Naam", "Code", "Omschrijving");
    }

    private static String requiredId(JsonNode a) {
        String id = text(a, "Id");
        if (id == null) {
            throw new InvalidRecordException("record has no Id");
        }
        return id;
    }

    /** The record's Id in any casing, for quarantine keys; null when it has none. */
    static String idOf(JsonNode item) {
        return text(item, "Id");
    }
}
