package nl.lvssync.lvs.somtoday;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.lvssync.sync.EnrolmentRecord;
import nl.lvssync.sync.StudentRecord;

/**
 * Maps Somtoday's JSON to what we keep, reading every field case-insensitively and leaving out what is not there
 * (Somtoday omits null and unpermitted fields). An item we cannot use throws IllegalArgumentException with the reason.
 */
final class SomtodayMapper {

    private SomtodayMapper() {
    }

    /** A student, the enrolments (plaatsingen) behind it, and a field problem that did not stop us keeping it. */
    record Leerling(StudentRecord student, List<EnrolmentRecord> enrolments, String fieldProblem) {
    }

    static Leerling leerling(JsonNode l, LocalDate today, String vestigingNaam) {
        String uuid = Fields.text(l, "uuid");
        if (uuid == null) {
            throw new IllegalArgumentException("leerling has no uuid");
        }
        String problem = null;
        LocalDate birth = null;
        try {
            birth = SomtodayTime.date("geboortedatum", Fields.text(l, "geboortedatum"));
        } catch (IllegalArgumentException e) {
            // kept with an unknown birth date: "duty status unknown", never a dropped alert
            problem = e.getMessage() + "; kept with unknown birth date";
        }
        List<EnrolmentRecord> enrolments = new ArrayList<>();
        List<Plaatsing> plaatsingen = new ArrayList<>();
        for (JsonNode p : Fields.get(l, "plaatsingen")) {
            Plaatsing plaatsing = plaatsing(uuid, p);
            plaatsingen.add(plaatsing);
            enrolments.add(plaatsing.enrolment());
        }
        Plaatsing current = current(plaatsingen, today);
        StudentRecord student = new StudentRecord(uuid, Fields.text(l, "leerlingnummer"), Fields.text(l, "roepnaam"),
                Fields.text(l, "voorvoegsel"), Fields.text(l, "achternaam"), birth,
                current == null ? null : current.enrolment().groep(), current == null ? null : current.enrolment().studie(),
                vestigingNaam, Fields.text(l, "email"), Fields.text(l, "BSN"), null, null);
        return new Leerling(student, enrolments, problem);
    }

    private record Plaatsing(EnrolmentRecord enrolment) {
        LocalDate begin() {
            return enrolment.begin();
        }

        boolean holds(LocalDate day) {
            return (begin() == null || !begin().isAfter(day)) && (enrolment.end() == null || !enrolment.end().isBefore(day));
        }
    }

    private static Plaatsing plaatsing(String student, JsonNode p) {
        JsonNode stamgroep = Fields.get(p, "stamgroep");
        LocalDate begin = SomtodayTime.date("plaatsing.startdatum", Fields.text(p, "startdatum"));
        LocalDate end = SomtodayTime.date("plaatsing.einddatum", Fields.text(p, "einddatum"));
        String id = Fields.text(p, "uuid");
        if (id == null) {
            id = student + "/" + Fields.text(p, "schooljaar") + "/" + begin;
        }
        return new Plaatsing(enrolment(id, naam(Fields.get(p, "opleiding")), Fields.text(stamgroep, "naam"),
                Fields.text(stamgroep, "omschrijving"), Fields.text(p, "schooljaar"), mentoren(p, stamgroep), begin, end));
    }

    static EnrolmentRecord enrolment(String id, String studie, String groep, String omschrijving, String schooljaar,
                                     String mentor, LocalDate begin, LocalDate end) {
        return new EnrolmentRecord(id, studie, groep, omschrijving, schooljaar, mentor, begin, end, null, null, null, null);
    }

    /** The plaatsing that holds today, else the latest begun, else the earliest still to come. */
    private static Plaatsing current(List<Plaatsing> plaatsingen, LocalDate today) {
        Optional<Plaatsing> holding = plaatsingen.stream().filter(p -> p.holds(today)).findFirst();
        if (holding.isPresent()) {
            return holding.get();
        }
        Comparator<Plaatsing> byBegin = Comparator.comparing(Plaatsing::begin, Comparator.nullsFirst(Comparator.naturalOrder()));
        return plaatsingen.stream().filter(p -> p.begin() == null || !p.begin().isAfter(today)).max(byBegin)
                .orElse(plaatsingen.stream().min(byBegin).orElse(null));
    }

    /** A name from an object ({naam}, {omschrijving}, {afkorting}) or a plain string. */
    private static String naam(JsonNode node) {
        if (node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText().isBlank() ? null : node.asText().strip();
        }
        for (String f : new String[] {"naam", "omschrijving", "afkorting", "code"}) {
            String v = Fields.text(node, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String mentoren(JsonNode plaatsing, JsonNode stamgroep) {
        JsonNode list = Fields.get(plaatsing, "mentoren");
        if (!list.isArray() || list.isEmpty()) {
            list = Fields.get(stamgroep, "mentoren");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode m : list) {
            String name = m.isValueNode() ? m.asText() : StudentRecord.naam(Fields.text(m, "roepnaam"),
                    Fields.text(m, "voorvoegsel"), Fields.text(m, "achternaam"));
            if (name == null || name.isBlank()) {
                name = naam(m);
            }
            if (name != null && !name.isBlank()) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    static Melding melding(JsonNode m) {
        String student = studentUuid(m);
        Instant begin = SomtodayTime.instant("beginDatumTijd", Fields.text(m, "beginDatumTijd"));
        if (begin == null) {
            throw new IllegalArgumentException("absentiemelding has no beginDatumTijd");
        }
        Instant end = SomtodayTime.instant("eindDatumTijd", Fields.text(m, "eindDatumTijd"));
        if (end != null && end.isBefore(begin)) {
            throw new IllegalArgumentException("absentiemelding ends (" + Fields.text(m, "eindDatumTijd")
                    + ") before it begins (" + Fields.text(m, "beginDatumTijd") + ")");
        }
        String id = Fields.selfId(m);
        if (id == null) {
            id = Fields.text(m, "id");
        }
        if (id == null) {
            id = "m" + Integer.toHexString((student + begin).hashCode());
        }
        return new Melding(id, student, begin, end, Fields.integer(m, "beginLesuur"), Fields.integer(m, "eindLesuur"),
                reden(Fields.get(m, "absentieReden")));
    }

    static Reden reden(JsonNode r) {
        if (r.isMissingNode() || !r.isObject()) {
            return null;
        }
        String afkorting = Fields.text(r, "afkorting");
        return new Reden(afkorting == null ? null : afkorting.toUpperCase(Locale.ROOT), Fields.text(r, "omschrijving"),
                Fields.text(r, "absentieSoort"), Fields.bool(r, "geoorloofd"));
    }

    /** The lesson a waarneming observes; empty for an appointment that is no lesson (afspraakType other than LES). */
    static Optional<Les> les(JsonNode w) {
        JsonNode afspraak = Fields.get(w, "afspraak");
        String type = Fields.text(Fields.get(afspraak, "afspraakType"), "naam");
        // a waarneming that does not say its kind is taken as a lesson: leaving it out could hide missed hours
        if (type != null && !type.equalsIgnoreCase("LES")) {
            return Optional.empty();
        }
        String student = studentUuid(w);
        Instant begin = SomtodayTime.instant("beginDatumTijd", Fields.text(w, "beginDatumTijd"));
        Instant end = SomtodayTime.instant("eindDatumTijd", Fields.text(w, "eindDatumTijd"));
        if (begin == null || end == null) {
            throw new IllegalArgumentException("waarneming has no " + (begin == null ? "beginDatumTijd" : "eindDatumTijd"));
        }
        if (end.isBefore(begin)) {
            throw new IllegalArgumentException("waarneming ends before it begins");
        }
        String id = Fields.selfId(afspraak);
        if (id == null) {
            id = Fields.selfId(w);
        }
        if (id == null) {
            id = "@" + begin;
        }
        String titel = Fields.text(afspraak, "titel");
        String soort = Fields.text(w, "waarnemingSoort");
        boolean afwezig = soort != null && soort.strip().equalsIgnoreCase("Afwezig");
        return Optional.of(new Les(id, student, SomtodayTime.localDate(begin), begin, end, Fields.integer(w, "beginLesuur"),
                Fields.integer(w, "eindLesuur"), titel, afwezig, reden(Fields.get(w, "absentieReden"))));
    }

    private static String studentUuid(JsonNode item) {
        String uuid = Fields.text(Fields.get(item, "leerling"), "UUID");
        if (uuid == null) {
            throw new IllegalArgumentException("no leerling UUID");
        }
        return uuid;
    }
}
