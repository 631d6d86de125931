package nl.lvssync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import nl.lvssync.verzuim.kalender.Regio;
import org.junit.jupiter.api.Test;

/** The generated students, timetables and absence patterns, without HTTP. */
class SimulatedDataTest {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    static SimulatedSchool school(long seed, int students) {
        return new SimulatedSchool(seed, "99TEST00", Regio.NOORD, students);
    }

    static SimulatedSchool school(long seed, int students, Verzuimmix mix) {
        return new SimulatedSchool(seed, "99TEST00", Regio.NOORD, students, mix);
    }

    /** Every absence of one student from the start of the school year up to NOW. */
    static List<GeneratedAbsence> absences(SimulatedSchool school, int index) {
        Schooljaar jaar = Schooljaar.of(school.regio(), TODAY);
        GeneratedStudent student = school.student(index, TODAY);
        Verzuimpatroon patroon = Verzuimpatroon.of(school, student, jaar);
        List<GeneratedAbsence> all = new ArrayList<>();
        for (LocalDate d = jaar.start(); !d.isAfter(TODAY); d = d.plusDays(1)) {
            all.addAll(patroon.absences(Lesrooster.lessen(school, student.klas(), jaar, d), NOW));
        }
        return all;
    }

    @Test
    void sameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        SimulatedSchool a = school(7, 60);
        SimulatedSchool b = school(7, 60);
        SimulatedSchool c = school(8, 60);
        int differentStudents = 0;
        int differentAbsences = 0;
        for (int i = 0; i < 60; i++) {
            assertThat(a.student(i, TODAY)).isEqualTo(b.student(i, TODAY));
            assertThat(absences(a, i)).isEqualTo(absences(b, i));
            if (!a.student(i, TODAY).equals(c.student(i, TODAY))) {
                differentStudents++;
            }
            if (!absences(a, i).equals(absences(c, i))) {
                differentAbsences++;
            }
        }
        assertThat(differentStudents).isGreaterThan(50);
        assertThat(differentAbsences).isGreaterThan(30);
    }

    @Test
    void holidayWeeksWeekendsAndNationalDaysOffHaveNoLessons() {
        SimulatedSchool school = school(1, 30);
        Schooljaar noord = Schooljaar.of(Regio.NOORD, TODAY);
        Klas klas = school.student(0, TODAY).klas();
        // noord: summer holiday until Sun 16 Aug 2026, autumn holiday 10-18 Oct 2026
        assertThat(Lesrooster.lessen(school, klas, noord, LocalDate.of(2026, 8, 14))).isEmpty();
        assertThat(Lesrooster.lessen(school, klas, noord, LocalDate.of(2026, 8, 17))).hasSizeBetween(5, 8);
        for (LocalDate d = LocalDate.of(2026, 10, 12); d.isBefore(LocalDate.of(2026, 10, 17)); d = d.plusDays(1)) {
            assertThat(Lesrooster.lessen(school, klas, noord, d)).as("autumn holiday %s", d).isEmpty();
        }
        assertThat(Lesrooster.lessen(school, klas, noord, LocalDate.of(2026, 10, 9))).isNotEmpty();
        assertThat(Lesrooster.lessen(school, klas, noord, LocalDate.of(2026, 10, 19))).isNotEmpty();
        assertThat(Lesrooster.lessen(school, klas, noord, LocalDate.of(2026, 11, 21))).as("Saturday").isEmpty();
        // Christmas, and spring (noord) / (zuid) which differ by region
        assertThat(Lesrooster.lessen(school, klas, noord, LocalDate.of(2026, 12, 23))).isEmpty();
        assertThat(Lesrooster.lessen(school, klas, noord, LocalDate.of(2027, 2, 22))).isEmpty();
        assertThat(Lesrooster.lessen(school, klas, Schooljaar.of(Regio.ZUID, TODAY), LocalDate.of(2027, 2, 22))).isNotEmpty();
        // zuid's spring holiday 2027 is 13-21 February (schoolvakanties.md, from the feed)
        assertThat(Lesrooster.lessen(school, klas, Schooljaar.of(Regio.ZUID, TODAY), LocalDate.of(2027, 2, 15))).isEmpty();
        assertThat(Lesrooster.lessen(school, klas, Schooljaar.of(Regio.ZUID, TODAY), LocalDate.of(2027, 2, 8))).isNotEmpty();
        // Easter 2027 is 28 March: Goede Vrijdag and Tweede Paasdag off; Hemelvaart 6 May, Pinksteren 17 May
        assertThat(nl.lvssync.verzuim.kalender.Feestdagen.paaszondag(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(nl.lvssync.verzuim.kalender.Feestdagen.paaszondag(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        for (LocalDate off : List.of(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29), LocalDate.of(2027, 5, 6),
                LocalDate.of(2027, 5, 7), LocalDate.of(2027, 5, 17))) {
            assertThat(noord.lesdag(off)).as("%s", off).isEqualTo(-1);
        }
        // about 40 lesweken; noord 2026-2027 runs from 17 August to 9 July
        assertThat(noord.lesdagen()).isBetween(185, 210);
    }

    @Test
    void lessonsStartAt0830LocalTimeInSummerAndWinterTime() {
        SimulatedSchool school = school(1, 30);
        Schooljaar jaar = Schooljaar.of(Regio.NOORD, TODAY);
        Klas klas = school.student(0, TODAY).klas();
        SimulatedLesson september = Lesrooster.lessen(school, klas, jaar, LocalDate.of(2026, 9, 14)).get(0);
        SimulatedLesson november = Lesrooster.lessen(school, klas, jaar, LocalDate.of(2026, 11, 16)).get(0);
        assertThat(september.start()).isEqualTo(Instant.parse("2026-09-14T06:30:00Z"));
        assertThat(september.end()).isEqualTo(Instant.parse("2026-09-14T07:20:00Z"));
        assertThat(november.start()).isEqualTo(Instant.parse("2026-11-16T07:30:00Z"));
        assertThat(MagisterJson.time(november.start())).isEqualTo("2026-11-16T07:30:00.0000000Z");
    }

    @Test
    void studentsLookLikeADutchSecondarySchool() {
        SimulatedSchool school = school(3, 150);
        Set<String> classes = new HashSet<>();
        Set<Integer> ages = new HashSet<>();
        int turning16or18 = 0;
        for (int i = 0; i < 150; i++) {
            GeneratedStudent s = school.student(i, TODAY);
            classes.add(s.klasNaam());
            int age = Period.between(s.geboortedatum(), LocalDate.of(2026, 10, 1)).getYears();
            ages.add(age);
            assertThat(age).isBetween(11, 19);
            int ageAtEnd = Period.between(s.geboortedatum(), LocalDate.of(2027, 7, 31)).getYears();
            if (age != ageAtEnd && (ageAtEnd == 16 || ageAtEnd == 18)) {
                turning16or18++;
            }
            assertThat(s.klasNaam()).matches("[1-6][a-z]");
            assertThat(s.studie()).matches("[1-6] (vmbo-t|havo|vwo)");
            assertThat(elfproef(s.bsn())).as("BSN %s", s.bsn()).isTrue();
            assertThat(school.indexOf(s.personId())).isEqualTo(i);
        }
        assertThat(classes).contains("1a", "6v").hasSizeGreaterThanOrEqualTo(15);
        assertThat(ages).contains(12, 13, 16, 17);
        assertThat(turning16or18).isGreaterThan(5);
        assertThat(school.indexOf(school.student(0, TODAY).personId() - 1)).isEqualTo(-1);
    }

    static Map<Verzuimprofiel, Integer> profiles(SimulatedSchool school) {
        Map<Verzuimprofiel, Integer> counts = new EnumMap<>(Verzuimprofiel.class);
        for (int i = 0; i < school.studentCount(); i++) {
            counts.merge(school.student(i, TODAY).profiel(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void eachProfileHasItsShareOfTheStudents() {
        // realistic: 0.3% thuiszitters, 2% spijbelaars, 4% often sick (lvs-sync.simulator.mix)
        Map<Verzuimprofiel, Integer> thousand = profiles(school(11, 1000));
        assertThat(thousand.get(Verzuimprofiel.THUISZITTER)).isBetween(2, 4);
        assertThat(thousand.get(Verzuimprofiel.SPIJBELAAR)).isBetween(18, 22);
        assertThat(thousand.get(Verzuimprofiel.ZIEK)).isBetween(38, 42);
        assertThat(thousand.get(Verzuimprofiel.REGULIER)).isBetween(870, 890);
        // the dense mix puts every profile in any school of 50
        assertThat(profiles(school(11, 50, Verzuimmix.DICHT)).keySet()).containsExactlyInAnyOrder(Verzuimprofiel.values());
    }

    @Test
    void aRealisticSchoolOf150HasAHandfulOfStudentsOver16Hours() {
        SimulatedSchool school = school(20261122, 150);
        Schooljaar jaar = Schooljaar.of(Regio.NOORD, TODAY);
        int legal16 = 0;
        for (int i = 0; i < 150; i++) {
            if (maxUnexcusedIn4Lesweken(absences(school, i), jaar) >= 16) {
                legal16++;
            }
        }
        // real schools: a few percent of students in a whole school year; this is mid-November
        assertThat(legal16).as("students over 16 unexcused lesson hours within 4 lesweken").isBetween(1, 8);
    }

    @Test
    void thePatternsTheRulesLookForAreThere() {
        SimulatedSchool school = school(20261122, 100, Verzuimmix.DICHT);
        Schooljaar jaar = Schooljaar.of(Regio.NOORD, TODAY);
        int legal16 = 0;
        int sick = 0;
        int thuiszitters = 0;
        int late = 0;
        int mondays = 0;
        Set<Absentiecode> codes = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            List<GeneratedAbsence> all = absences(school, i);
            all.forEach(a -> codes.add(a.code()));
            assertThat(all).allMatch(a -> a.lesson().start().isBefore(NOW) && !a.lesson().cancelled());
            if (maxUnexcusedIn4Lesweken(all, jaar) >= 16) {
                legal16++;
            }
            if (sickEpisodes(all, jaar) >= 3) {
                sick++;
            }
            if (longestFullyAbsentRunOfLesdagen(school, i, all, jaar) >= 20) {
                thuiszitters++;
            }
            if (all.stream().filter(a -> a.code() == Absentiecode.TL || a.code() == Absentiecode.TLG).count() >= 10) {
                late++;
            }
            if (all.stream().filter(a -> a.code() == Absentiecode.AB && a.lesson().date().getDayOfWeek() == DayOfWeek.MONDAY)
                    .map(a -> a.lesson().date()).distinct().count() >= 6) {
                mondays++;
            }
        }
        assertThat(legal16).as("students over 16 unexcused lesson hours within 4 lesweken").isBetween(1, 25);
        assertThat(sick).as("students with 3+ sickness episodes").isGreaterThanOrEqualTo(1);
        assertThat(thuiszitters).as("thuiszitters").isGreaterThanOrEqualTo(1);
        assertThat(late).as("often late").isGreaterThanOrEqualTo(1);
        assertThat(mondays).as("absent on Mondays").isGreaterThanOrEqualTo(1);
        assertThat(codes).contains(Absentiecode.AB, Absentiecode.ZK, Absentiecode.TL, Absentiecode.TLG, Absentiecode.GA,
                Absentiecode.VL);
    }

    @Test
    void absenceIdsAreStableAndUniqueAndPointAtTheirLesson() {
        SimulatedSchool school = school(5, 60);
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            for (GeneratedAbsence a : absences(school, i)) {
                assertThat(ids.add(a.id())).as("absence id %s unique", a.id()).isTrue();
                assertThat(a.id()).isEqualTo(GeneratedAbsence.idOf(a.lesson(), i));
            }
        }
    }

    /** R1 roughly: for each absence day, the unexcused lessons in that lesweek and the three lesweken after. */
    static int maxUnexcusedIn4Lesweken(List<GeneratedAbsence> all, Schooljaar jaar) {
        TreeMap<Integer, Integer> perLesdag = new TreeMap<>();
        all.stream().filter(a -> a.code() == Absentiecode.AB)
                .forEach(a -> perLesdag.merge(jaar.lesdag(a.lesson().date()), 1, Integer::sum));
        int max = 0;
        for (int start : perLesdag.keySet()) {
            int week = jaar.lesweek(start);
            int sum = 0;
            for (Map.Entry<Integer, Integer> e : perLesdag.tailMap(start, true).entrySet()) {
                if (jaar.lesweek(e.getKey()) >= week + 4) {
                    break;
                }
                sum += e.getValue();
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    static int sickEpisodes(List<GeneratedAbsence> all, Schooljaar jaar) {
        int[] days = all.stream().filter(a -> a.code() == Absentiecode.ZK).mapToInt(a -> jaar.lesdag(a.lesson().date()))
                .distinct().sorted().toArray();
        int episodes = 0;
        for (int i = 0; i < days.length; i++) {
            if (i == 0 || days[i] != days[i - 1] + 1) {
                episodes++;
            }
        }
        return episodes;
    }

    /** The longest run of consecutive lesdagen on which every lesson that took place was an AB absence. */
    static int longestFullyAbsentRunOfLesdagen(SimulatedSchool school, int index, List<GeneratedAbsence> all,
                                              Schooljaar jaar) {
        Map<LocalDate, Integer> absent = new TreeMap<>();
        all.stream().filter(a -> a.code() == Absentiecode.AB).forEach(a -> absent.merge(a.lesson().date(), 1, Integer::sum));
        Klas klas = school.student(index, TODAY).klas();
        int run = 0;
        int best = 0;
        for (int d = 0; d < jaar.lesdagen() && jaar.datum(d).isBefore(TODAY); d++) {
            LocalDate date = jaar.datum(d);
            long held = Lesrooster.lessen(school, klas, jaar, date).stream().filter(l -> !l.cancelled()).count();
            run = absent.getOrDefault(date, 0) == held ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    static boolean elfproef(String bsn) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        return bsn.length() == 9 && (sum - (bsn.charAt(8) - '0')) % 11 == 0;
    }
}
