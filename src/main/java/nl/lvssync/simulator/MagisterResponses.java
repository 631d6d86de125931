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
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu");

    private final Clock clock;
    private final int malformedEvery;

    MagisterResponses(Clock clock, int malformedEvery) {
        this.clock = clock;
        this.malformedEvery = malformedEvery;
    }

    LocalDate today() {
        return clock.instant().atZone(ClockConfig.AMSTERDAM).toLocalDate();
    }

    /** GetData: the default-column CSV, one row per student. */
    GeneratedBody studentList(SimulatedSchool school) {
        LocalDate today = today();
        return new GeneratedBody(CSV_HEADER + "\r\n", () -> new GeneratedBody.Items() {
            private int index;

            @Override
            boolean next(StringBuilder out) {
                if (index >= school.studentCount()) {
                    return false;
                }
                GeneratedStudent s = school.student(index++, today);
                out.append(s.personId()).append(';').append(s.stamnr()).append(';').append(s.roepnaam()).append(';')
                        .append(s.tussenvoegsel()).append(';').append(s.achternaam()).append(';')
                        .append(DUTCH_DATE.format(s.geboortedatum())).append(';').append(s.klasNaam()).append(';')
                        .append(s.studie()).append(';').append(s.locatie()).append(';').append(s.email()).append(';')
                        .append(s.bsn()).append("\r\n");
                return true;
            }
        }, "");
    }

    /** The student's aanmeldingen: this school year's and, above the first year, last year's. */
    GeneratedBody aanmeldingen(SimulatedSchool school, int index) {
        LocalDate today = today();
        GeneratedStudent s = school.student(index, today);
        Schooljaar jaar = Schooljaar.of(school.regio(), today);
        Klas klas = s.klas();
        String mentor = school.docent(Mix.below(Mix.hash(school.hash(), 0x3E7L, klas.index()), SimulatedSchool.DOCENTEN)).naam();
        StringBuilder out = new StringBuilder("{\"items\":[");
        MagisterJson.aanmelding(out, s.personId() * 100 + jaar.startYear() % 100, klas, jaar, mentor);
        if (klas.leerjaar() > 1) {
            Schooljaar vorig = Schooljaar.of(school.regio(), jaar.start().minusDays(1));
            Klas vorigeKlas = new Klas(klas.index(), klas.leerjaar() - 1, klas.afdeling(),
                    (klas.leerjaar() - 1) + klas.naam().substring(1));
            MagisterJson.aanmelding(out.append(','), s.personId() * 100 + vorig.startYear() % 100, vorigeKlas, vorig, mentor);
        }
        return new GeneratedBody(out.append("]}").toString(), GeneratedBody::none, "");
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
                            MagisterJson.absentie(items.item(out), a, malformed(school, a));
                        }
                    }
                }, today);
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
