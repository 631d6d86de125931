package nl.lvssync.verzuim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reduced read the rules step does (lessons only on days with an absence, the other days as lesson days) gives
 * exactly the findings of every lesson: over 600 generated students of every habit, each finding identical.
 */
class VerzuimRegelsLesdagenTest {

    @Test
    void lessonsOnAbsenceDaysAndTheLessonDaysGiveTheSameFindingsAsEveryLesson() {
        int findings = 0;
        long allLessons = 0;
        long handedOver = 0;
        for (long seed = 1; seed <= 600; seed++) {
            GegenereerdeLeerling g = GegenereerdeLeerling.genereer(seed);
            Set<LocalDate> verzuimdagen = g.absenties().stream().map(Absentie::datum).collect(Collectors.toSet());
            List<Les> opVerzuimdagen = g.lessen().stream().filter(l -> verzuimdagen.contains(l.datum())).toList();
            Set<LocalDate> lesdagen = g.lessen().stream().map(Les::datum).collect(Collectors.toSet());

            List<Bevinding> alle = g.evalueer();
            List<Bevinding> minder = new VerzuimRegels().evaluate(g.leerling(), opVerzuimdagen, lesdagen, g.absenties(),
                    g.kalender(), g.beleid(), g.vandaag());

            assertThat(minder).as("seed %d: %s", seed, g.beschrijving()).isEqualTo(alle);
            findings += alle.size();
            allLessons += g.lessen().size();
            handedOver += opVerzuimdagen.size();
        }
        // the comparison means something: many findings, and far fewer lessons handed over
        assertThat(findings).isGreaterThan(600);
        assertThat(handedOver).isLessThan(allLessons / 2);
    }

    /** PostgreSQL's read: the lessons only of days with an absence that may be a missed lesson (unexcused or late). */
    @Test
    void lessonsOnlyOnDaysWithAMissedLessonGiveTheSameFindings() {
        int findings = 0;
        long onAbsenceDays = 0;
        long handedOver = 0;
        for (long seed = 1; seed <= 600; seed++) {
            GegenereerdeLeerling g = GegenereerdeLeerling.genereer(seed);
            Set<LocalDate> verzuimdagen = g.absenties().stream().map(Absentie::datum).collect(Collectors.toSet());
            Set<LocalDate> gemistdagen = g.absenties().stream().filter(a -> VerzuimRegels.DAGLESSEN_NODIG.contains(a.verdict()))
                    .map(Absentie::datum).collect(Collectors.toSet());
            List<Les> opGemistdagen = g.lessen().stream().filter(l -> gemistdagen.contains(l.datum())).toList();
            Set<LocalDate> lesdagen = g.lessen().stream().map(Les::datum).collect(Collectors.toSet());

            List<Bevinding> alle = g.evalueer();
            List<Bevinding> minder = new VerzuimRegels().evaluate(g.leerling(), opGemistdagen, lesdagen, g.absenties(),
                    g.kalender(), g.beleid(), g.vandaag());

            assertThat(minder).as("seed %d: %s", seed, g.beschrijving()).isEqualTo(alle);
            findings += alle.size();
            onAbsenceDays += g.lessen().stream().filter(l -> verzuimdagen.contains(l.datum())).count();
            handedOver += opGemistdagen.size();
        }
        assertThat(findings).isGreaterThan(600);
        assertThat(handedOver).as("days with only excused or sick absences are left out").isLessThan(onAbsenceDays);
    }

    /**
     * PostgreSQL's read with each lesson day's number of lessons: the lessons only of days whose missed lessons could
     * cover them all (as many missed lesson ids as lessons, or a missed registration without a lesson id).
     */
    @Test
    void lessonsOnlyOnDaysThatMayBeMissedWholeGiveTheSameFindings() {
        int findings = 0;
        long onAbsenceDays = 0;
        long handedOver = 0;
        for (long seed = 1; seed <= 600; seed++) {
            GegenereerdeLeerling g = GegenereerdeLeerling.genereer(seed);
            Map<LocalDate, Integer> lesdagen = g.lessen().stream().collect(Collectors.toMap(Les::datum, l -> 1, Integer::sum));
            Set<LocalDate> heel = g.absenties().stream().map(Absentie::datum).distinct().filter(dag -> {
                List<Absentie> gemist = g.absenties().stream()
                        .filter(a -> a.datum().equals(dag) && VerzuimRegels.DAGLESSEN_NODIG.contains(a.verdict())).toList();
                return !gemist.isEmpty() && (gemist.stream().anyMatch(a -> a.lesLvsId() == null)
                        || gemist.stream().map(Absentie::lesLvsId).distinct().count() >= lesdagen.getOrDefault(dag, 0));
            }).collect(Collectors.toSet());
            List<Les> opHeleDagen = g.lessen().stream().filter(l -> heel.contains(l.datum())).toList();

            List<Bevinding> alle = g.evalueer();
            List<Bevinding> minder = new VerzuimRegels().evaluate(g.leerling(), opHeleDagen, lesdagen, g.absenties(),
                    g.kalender(), g.beleid(), g.vandaag());

            assertThat(minder).as("seed %d: %s", seed, g.beschrijving()).isEqualTo(alle);
            findings += alle.size();
            Set<LocalDate> verzuimdagen = g.absenties().stream().map(Absentie::datum).collect(Collectors.toSet());
            onAbsenceDays += g.lessen().stream().filter(l -> verzuimdagen.contains(l.datum())).count();
            handedOver += opHeleDagen.size();
        }
        assertThat(findings).isGreaterThan(600);
        assertThat(handedOver).as("days with fewer missed lessons than lessons are left out").isLessThan(onAbsenceDays / 2);
    }

    @Test
    void aDayThatMayBeMissedWholeWithoutItsLessonsIsRefusedOneThatCannotIsNot() {
        LocalDate dag = LocalDate.of(2026, 11, 16);
        Leerling leerling = new Leerling("p1", LocalDate.of(2011, 3, 7), null, false, null);
        java.time.Instant acht = dag.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC);
        List<Absentie> twee = List.of(
                new Absentie("a1", "L1", dag, acht, acht.plusSeconds(3000), acht, acht.plusSeconds(3000), "AB", Verdict.UNEXCUSED),
                new Absentie("a2", "L2", dag, acht.plusSeconds(3600), acht.plusSeconds(6600), acht.plusSeconds(3600),
                        acht.plusSeconds(6600), "AB", Verdict.UNEXCUSED));
        GegenereerdeLeerling g = GegenereerdeLeerling.genereer(1);
        VerzuimRegels regels = new VerzuimRegels();

        assertThat(regels.evaluate(leerling, List.of(), Map.of(dag, 3), twee, g.kalender(), g.beleid(), dag))
                .as("two missed of three lessons: never the whole day, its lessons not needed").isNotNull();
        assertThatThrownBy(() -> regels.evaluate(leerling, List.of(), Map.of(dag, 2), twee, g.kalender(), g.beleid(), dag))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not handed over");
        assertThatThrownBy(() -> regels.evaluate(leerling, List.of(), Map.of(dag, 0), twee, g.kalender(), g.beleid(), dag))
                .as("a day whose number of lessons is not known").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAbsenceDayWhoseLessonsAreMissingIsRefusedNotGuessed() {
        GegenereerdeLeerling g = GegenereerdeLeerling.genereer(7);
        Set<LocalDate> lesdagen = g.lessen().stream().map(Les::datum).collect(Collectors.toSet());
        assertThat(g.absenties()).anyMatch(a -> VerzuimRegels.DAGLESSEN_NODIG.contains(a.verdict()));
        assertThatThrownBy(() -> new VerzuimRegels().evaluate(g.leerling(), List.of(), lesdagen, g.absenties(), g.kalender(),
                g.beleid(), g.vandaag())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not handed over");
    }
}
