package nl.lvssync.verzuim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
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

    @Test
    void anAbsenceDayWhoseLessonsAreMissingIsRefusedNotGuessed() {
        GegenereerdeLeerling g = GegenereerdeLeerling.genereer(7);
        Set<LocalDate> lesdagen = g.lessen().stream().map(Les::datum).collect(Collectors.toSet());
        assertThat(g.absenties()).anyMatch(a -> VerzuimRegels.DAGLESSEN_NODIG.contains(a.verdict()));
        assertThatThrownBy(() -> new VerzuimRegels().evaluate(g.leerling(), List.of(), lesdagen, g.absenties(), g.kalender(),
                g.beleid(), g.vandaag())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not handed over");
    }
}
