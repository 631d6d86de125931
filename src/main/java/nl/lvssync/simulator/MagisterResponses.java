package nl.lvssync.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.lvssync.time.ClockConfig;

/**
 * The bodies of one school's Magister answers, generated while they are sent. Dates outside the current
 * school year (by the clock) have no lessons. {@code tot} is exclusive (van=2 Nov&tot=9 Nov is the week of
 * 2 to 8 November): the connector asks one day beyond each chunk, and so gets exactly that chunk.
 */
final class MagisterResponses {

    static final String CSV_HEADER = "id;stamnr;roepnaam;tussenv;achternaam;geb_datum;klas;studie;locatie;email;bsn";
    /** The common upper-case layout, with the person id the API needs. */
    static final String CSV_HEADER_UPPER = "ID;STAMNR;FIRSTNAME;PREFIX;LASTNAME;BIRTHDATE;CLASS";
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    private final Clock clock;
    private final int malformedEvery;
    private final SimulatorShapes shapes;

    MagisterResponses(Clock clock, int malformedEvery, SimulatorShapes shapes) {
        this.clock = clock;
        this.malformedEvery = malformedEvery;
        this.shapes = shapes;
    }

    LocalDate today() {
        return clock.instant().atZone(ClockConfig.AMSTERDAM).toLocalDate();
    }

    /** The student list's content type: a layout in another encoding than UTF-8 does not say which one. */
    String studentListContentType() {
        return shapes.utf8() ? "text/csv; charset=utf-8" : "text/csv";
    }

    /**
     * GetData: one row per student in the layout's columns, or (row per enrolment) a student above the first year
     * also on a row for last year's class, before this year's; the header repeated if so shaped.
     */
    GeneratedBody studentList(SimulatedSchool school) {
        LocalDate today = today();
        String eol = shapes.getDataLineEnding().text;
        String header = shapes.upperCaseLayout() ? CSV_HEADER_UPPER : CSV_HEADER;
        return new GeneratedBody(header + eol, () -> new GeneratedBody.Items() {
            private int index;

            @Override
            boolean next(StringBuilder out) {
                if (index >= school.studentCount()) {
                    return false;
                }
                if (shapes.repeatHeaderEvery() > 0 && index > 0 && index % shapes.repeatHeaderEvery() == 0) {
                    out.append(header).append(eol);
                }
                GeneratedStudent s = school.student(index++, today);
                if (shapes.rowPerEnrolment() && s.klas().leerjaar() > 1) {
                    row(out, s, vorigeKlas(s.klas()).naam()).append(eol);
                }
                row(out, s, s.klasNaam()).append(eol);
                return true;
            }
        }, "", shapes.charset());
    }

    private StringBuilder row(StringBuilder out, GeneratedStudent s, String klas) {
        if (shapes.upperCaseLayout()) {
            return out.append(s.personId()).append(';').append(s.stamnr()).append(';').append(s.roepnaam()).append(';')
                    .append(s.tussenvoegsel()).append(';').append(s.achternaam()).append(';')
                    .append(DUTCH_DATE.format(s.geboortedatum())).append(';').append(klas.toUpperCase(java.util.Locale.ROOT));
        }
        return out.append(s.personId()).append(';').append(s.stamnr()).append(';').append(s.roepnaam()).append(';')
                .append(s.tussenvoegsel()).append(';').append(s.achternaam()).append(';')
                .append(DUTCH_DATE.format(s.geboortedatum())).append(';').append(klas).append(';')
                .append(s.studie()).append(';').append(s.locatie()).append(';').append(s.email()).append(';')
                .append(s.bsn());
    }

    private static Klas vorigeKlas(Klas klas) {
        return new Klas(klas.index(), klas.leerjaar() - 1, klas.afdeling(), (klas.leerjaar() - 1) + klas.naam().substring(1));
    }

    /** The student's aanmeldingen: this school year's and, above the first year, last year's, with their Profiel. */
    GeneratedBody aanmeldingen(SimulatedSchool school, int index) {
        LocalDate today = today();
        GeneratedStudent s = school.student(index, today);
        Schooljaar jaar = Schooljaar.of(school.regio(), today);
        Klas klas = s.klas();
        String mentor = school.docent(Mix.below(Mix.hash(school.hash(), 0x3E7L, klas.index()), SimulatedSchool.DOCENTEN)).naam();
        boolean documented = shapes.documentedAanmeldingen();
        StringBuilder out = new StringBuilder(documented ? "{\"items\":[" : "{\"Items\":[");
        // the support profile (LWOO, TOP) in both years: the OPP rules count from the first placement
        String profiel = SimulatedOpp.profiel(school, s);
        aanmelding(out, s, klas, jaar, mentor, documented, profiel);
        if (klas.leerjaar() > 1) {
            Schooljaar vorig = Schooljaar.of(school.regio(), jaar.start().minusDays(1));
            aanmelding(out.append(','), s, vorigeKlas(klas), vorig, mentor, documented, profiel);
        }
        return new GeneratedBody(out.append("]}").toString(), GeneratedBody::none, "");
    }

    private static void aanmelding(StringBuilder out, GeneratedStudent s, Klas klas, Schooljaar jaar, String mentor,
                                   boolean documented, String profiel) {
        long id = s.personId() * 100 + jaar.startYear() % 100;
        if (documented) {
            MagisterJson.aanmelding(out, id, klas, jaar, mentor, profiel);
        } else {
            MagisterJson.aanmeldingLive(out, id, s.personId(), klas, jaar, profiel);
        }
    }

    /** The student's lessons (afspraken) from van up to (not including) tot. */
    GeneratedBody afspraken(SimulatedSchool school, int index, LocalDate van, LocalDate tot) {
        LocalDate today = today();
        return days(school, index, van, tot, "{\"Items\":[", "]}", (student, jaar, lessons, items, out) -> {
            for (SimulatedLesson lesson : lessons) {
                MagisterJson.afspraak(items.item(out), lesson);
            }
        }, today);
    }

    /** The student's absences (absenties) from van up to (not including) tot, registered up to now. */
    GeneratedBody absenties(SimulatedSchool school, int index, LocalDate van, LocalDate tot) {
        LocalDate today = today();
        Instant now = clock.instant();
        return days(school, index, van, tot.isAfter(today) ? today.plusDays(1) : tot, "{\"Items\":[", "],\"Links\":[]}",
                new DayWriter() {
                    private Verzuimpatroon patroon;

                    @Override
                    public void write(GeneratedStudent student, Schooljaar jaar, List<SimulatedLesson> lessons,
                                      GeneratedBody.Items items, StringBuilder out) {
                        if (patroon == null) {
                            patroon = Verzuimpatroon.of(school, student, jaar);
                        }
                        for (GeneratedAbsence a : patroon.absences(lessons, now)) {
                            MagisterJson.absentie(items.item(out), a, malformed(school, a), copy(school, a));
                        }
                    }
                }, today);
    }

    /** Live absences carry their lesson in full, without LesuurVan, or not at all (about one in five each of the last two). */
    private static MagisterJson.AfspraakCopy copy(SimulatedSchool school, GeneratedAbsence a) {
        return switch (Mix.below(Mix.hash(school.hash(), 0xAF5L, a.id()), 5)) {
            case 0 -> MagisterJson.AfspraakCopy.NONE;
            case 1 -> MagisterJson.AfspraakCopy.WITHOUT_LESUUR;
            default -> MagisterJson.AfspraakCopy.FULL;
        };
    }

    private MagisterJson.Malformed malformed(SimulatedSchool school, GeneratedAbsence a) {
        if (malformedEvery <= 0) {
            return MagisterJson.Malformed.NONE;
        }
        long h = Mix.hash(school.hash(), 0xBADL, a.id());
        if (Mix.below(h, malformedEvery) != 0) {
            return MagisterJson.Malformed.NONE;
        }
        return (Mix.mix(h) & 1) == 0 ? MagisterJson.Malformed.END_BEFORE_START : MagisterJson.Malformed.UNPARSEABLE_START;
    }

    /** Writes one day's items for a student. */
    private interface DayWriter {
        void write(GeneratedStudent student, Schooljaar jaar, List<SimulatedLesson> lessons, GeneratedBody.Items items,
                   StringBuilder out);
    }

    /** A body with the items of each day in [van, tot) that lies in the current school year. */
    private GeneratedBody days(SimulatedSchool school, int index, LocalDate van, LocalDate tot, String prefix,
                               String suffix, DayWriter writer, LocalDate today) {
        Schooljaar jaar = Schooljaar.of(school.regio(), today);
        GeneratedStudent student = school.student(index, today);
        LocalDate first = van.isBefore(jaar.start()) ? jaar.start() : van;
        LocalDate end = tot.isAfter(jaar.end()) ? jaar.end().plusDays(1) : tot;
        return new GeneratedBody(prefix, () -> new GeneratedBody.Items() {
            private LocalDate day = first;

            @Override
            boolean next(StringBuilder out) {
                if (!day.isBefore(end)) {
                    return false;
                }
                writer.write(student, jaar, Lesrooster.lessen(school, student.klas(), jaar, day), this, out);
                day = day.plusDays(1);
                return true;
            }
        }, suffix);
    }
}
