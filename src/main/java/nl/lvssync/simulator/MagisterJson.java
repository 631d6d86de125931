package nl.lvssync.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes Magister's JSON shapes exactly as lvs-apis.md gives them (field names, casing, nesting), straight
 * into a StringBuilder: no object graph per item.
 */
final class MagisterJson {

    /** Magister's UTC timestamps with seven fraction digits, e.g. 2024-01-15T07:30:00.0000000Z. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'.0000000Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DUTCH_LOCAL = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm")
            .withZone(nl.lvssync.time.ClockConfig.AMSTERDAM);

    /** How a malformed absence is broken, for the fault injection. */
    enum Malformed { NONE, END_BEFORE_START, UNPARSEABLE_START }

    private MagisterJson() {
    }

    /** As {@link #TIME} formats it, written by hand for the years a school has: a school year serves millions of them. */
    static String time(Instant instant) {
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return TIME.format(instant);
        }
        StringBuilder out = new StringBuilder(28);
        two(two(two(two(two(out.append(t.getYear()).append('-'), t.getMonthValue()).append('-'), t.getDayOfMonth())
                .append('T'), t.getHour()).append(':'), t.getMinute()).append(':'), t.getSecond());
        return out.append(".0000000Z").toString();
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** An Afspraak (PascalCase); Type 13 is a lesson. */
    static StringBuilder afspraak(StringBuilder out, SimulatedLesson l) {
        out.append("{\"Id\":").append(l.id())
                .append(",\"Start\":\"").append(time(l.start()))
                .append("\",\"Einde\":\"").append(time(l.end()))
                .append("\",\"LesuurVan\":").append(l.lesuur())
                .append(",\"LesuurTotMet\":").append(l.lesuur())
                .append(",\"DuurtHeleDag\":false,\"Omschrijving\":");
        string(out, l.omschrijving()).append(",\"Lokatie\":");
        string(out, l.lokaal()).append(",\"Status\":").append(l.status())
                .append(",\"Type\":13,\"Vakken\":[{\"Id\":").append(l.vak().id()).append(",\"Naam\":");
        string(out, l.vak().naam()).append("}],\"Docenten\":[{\"Id\":").append(l.docent().id()).append(",\"Naam\":");
        string(out, l.docent().naam()).append(",\"Docentcode\":");
        string(out, l.docent().docentcode()).append("}],\"Lokalen\":[{\"Naam\":");
        return string(out, l.lokaal()).append("}],\"Groepen\":null}");
    }

    /** How much of its lesson a live absence carries: all of it, the copy without LesuurVan, or none (only AfspraakId). */
    enum AfspraakCopy { FULL, WITHOUT_LESUUR, NONE }

    /**
     * An Absentie (PascalCase) as live Magister sends it: its own Start and Eind are both the UTC instant of local
     * midnight of the day (the date, not the time of day); the lesson, when it comes along, is nested as Afspraak.
     */
    static StringBuilder absentie(StringBuilder out, GeneratedAbsence a, Malformed malformed, AfspraakCopy copy) {
        SimulatedLesson l = a.lesson();
        Instant midnight = l.date().atStartOfDay(nl.lvssync.time.ClockConfig.AMSTERDAM).toInstant();
        String start = time(midnight);
        String eind = start;
        if (malformed == Malformed.END_BEFORE_START) {
            eind = time(midnight.minusSeconds(3600));
        } else if (malformed == Malformed.UNPARSEABLE_START) {
            // a Dutch local date-time where an ISO instant belongs
            start = DUTCH_LOCAL.format(midnight);
        }
        out.append("{\"Id\":").append(a.id())
                .append(",\"Start\":\"").append(start)
                .append("\",\"Eind\":\"").append(eind)
                .append("\",\"Lesuur\":").append(l.lesuur())
                .append(",\"Geoorloofd\":").append(a.code().geoorloofd)
                .append(",\"AfspraakId\":").append(l.id())
                .append(",\"Omschrijving\":");
        string(out, a.code().omschrijving).append(",\"Verantwoordingtype\":").append(a.code().verantwoordingtype)
                .append(",\"Code\":");
        string(out, a.code().name());
        if (copy == AfspraakCopy.NONE) {
            return out.append('}');
        }
        out.append(",\"Afspraak\":");
        int from = out.length();
        afspraak(out, l);
        if (copy == AfspraakCopy.WITHOUT_LESUUR) {
            String lesuren = "\"LesuurVan\":" + l.lesuur() + ",\"LesuurTotMet\":" + l.lesuur();
            int at = out.indexOf(lesuren, from);
            out.replace(at, at + lesuren.length(), "\"LesuurVan\":null,\"LesuurTotMet\":null");
        }
        return out.append('}');
    }

    /**
     * An aanmelding as live schools answer it (PascalCase): Start and Einde the UTC instants of local midnight,
     * Lesperiode a plain string, Studie and Groep objects with Omschrijving.
     */
    static StringBuilder aanmeldingLive(StringBuilder out, long id, long leerlingId, Klas klas, Schooljaar jaar,
                                        String profiel) {
        out.append("{\"Id\":").append(id).append(",\"Links\":[{\"Rel\":\"Self\",\"Href\":\"/api/leerlingen/")
                .append(leerlingId).append("/aanmeldingen/").append(id).append("\"}],\"LeerlingId\":").append(leerlingId)
                .append(",\"Start\":\"").append(time(jaar.start().atStartOfDay(nl.lvssync.time.ClockConfig.AMSTERDAM).toInstant()))
                .append("\",\"Einde\":\"").append(time(jaar.end().atStartOfDay(nl.lvssync.time.ClockConfig.AMSTERDAM).toInstant()))
                .append("\",\"Lesperiode\":");
        string(out, jaar.lesperiode()).append(",\"Studie\":{\"Id\":").append(klas.afdeling().ordinal() * 10 + klas.leerjaar() + 1)
                .append(",\"Omschrijving\":");
        string(out, klas.studie()).append("},\"Groep\":{\"Id\":").append(1000 + klas.index())
                .append(",\"Links\":[],\"Omschrijving\":");
        string(out, klas.naam()).append(",\"LocatieId\":").append(klas.afdeling() == Klas.Afdeling.VMBO ? 2 : 1)
                .append("},\"Profiel\":");
        (profiel == null ? out.append("null") : string(out, profiel)).append(",\"Profiel2\":null,\"AanBronMelden\":true}");
        return out;
    }

    /** An aanmelding in the older documented shape (camelCase) of a student in a class for one school year. */
    static StringBuilder aanmelding(StringBuilder out, long id, Klas klas, Schooljaar jaar, String mentor, String profiel) {
        out.append("{\"id\":").append(id)
                .append(",\"studie\":{\"id\":").append(klas.afdeling().ordinal() * 10 + klas.leerjaar() + 1)
                .append(",\"code\":");
        string(out, klas.studie()).append("},\"groep\":{\"id\":").append(1000 + klas.index()).append(",\"code\":");
        string(out, klas.naam()).append(",\"omschrijving\":");
        string(out, "Klas " + klas.naam()).append("},\"lesperiode\":{\"code\":");
        string(out, jaar.lesperiode()).append("},\"profielen\":[");
        if (profiel != null) {
            string(out.append("{\"code\":"), profiel).append('}');
        }
        out.append("],\"persoonlijkeMentor\":{\"naam\":");
        string(out, mentor).append("},\"begin\":\"").append(jaar.start()).append("T00:00:00\",\"einde\":\"")
                .append(jaar.end()).append("T00:00:00\",\"isHoofdAanmelding\":true,\"links\":[]}");
        return out;
    }

    static String token(String accessToken, long expiresIn) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
                + ",\"scope\":\"api\"}";
    }

    /** Magister's error body: {"Message": …}. */
    static String message(String message) {
        return string(new StringBuilder(), message).insert(0, "{\"Message\":").append('}').toString();
    }

    static String rateLimit(int secondsLeft) {
        return "{\"Message\":\"Rate limit reached. Reset in " + secondsLeft + " seconds.\",\"SecondsLeft\":"
                + secondsLeft + "}";
    }

    /** A JSON string literal. */
    static StringBuilder string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
