package nl.lvssync.verzuim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.lvssync.school.Eenheid;
import nl.lvssync.school.Verdict;
import nl.lvssync.verzuim.kalender.Regio;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import org.junit.jupiter.api.Test;

/**
 * Late arrivals without an arrival time (Magister: the registration's Start and Eind are local midnight): a late
 * arrival (R4 LATE) whose minutes are unknown, never 0 and never a guess; a missed lesson only through the code table.
 */
class TeLaatTest {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** Monday 2 to Monday 9 November 2026: six lesdagen. */
    static final List<LocalDate> DAGEN = List.of(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4),
            LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 6), LocalDate.of(2026, 11, 9));
    static final LocalDate VANDAAG = LocalDate.of(2026, 11, 27);

    final Leerling leerling = new Leerling("1001", LocalDate.of(2012, 5, 14), null, false, null);
    final SchoolKalender kalender = SchoolKalender.voorRegio(Regio.NOORD, List.of(), Set.of());

    @Test
    void minutesAreUnknownWithoutAnArrivalTimeAndKnownWithOne() {
        Instant les = lesStart(DAGEN.get(0), 1);
        Instant middernacht = DAGEN.get(0).atStartOfDay(AMSTERDAM).toInstant();

        assertThat(TeLaat.minuten(les, middernacht)).isEmpty();
        assertThat(TeLaat.minuten(les, les)).as("Magister's Start = the lesson's start is no arrival time").isEmpty();
        assertThat(TeLaat.minuten(null, middernacht)).isEmpty();
        assertThat(TeLaat.minuten(les, les.plusSeconds(25 * 60))).hasValue(25);
    }

    @Test
    void lateArrivalsWithMidnightTimesAreLateSignalsNotMissedLessons() {
        List<Absentie> laat = new ArrayList<>();
        for (int d = 0; d < DAGEN.size(); d++) {
            // and the next two lessons too: 3 late arrivals a day, 18 in all, more than 16 if they were missed lessons
            for (int uur = 1; uur <= 3; uur++) {
                laat.add(middernacht("tl" + d + uur, DAGEN.get(d), uur, "TL", Verdict.LATE));
            }
        }

        List<Bevinding> bevindingen = new VerzuimRegels().evaluate(leerling, lessen(), laat, kalender,
                VerzuimBeleid.standaard(Eenheid.LESSON_PERIODS), VANDAAG);

        assertThat(bevindingen).noneMatch(b -> b.regel() == Regel.LEGAL_16H);
        assertThat(bevindingen).noneMatch(b -> b.signaal() == Signaal.HOURS);
        Bevinding late = bevindingen.stream().filter(b -> b.signaal() == Signaal.LATE).findFirst().orElseThrow();
        assertThat(late.toelichting()).contains("minuten te laat onbekend");
    }

    @Test
    void aLateCodeMappedToUnexcusedCountsAsAMissedLesson() {
        // the school registers "te laat > 20 minuten" as LO and maps it to UNEXCUSED: 18 missed lessons
        List<Absentie> lo = new ArrayList<>();
        for (int d = 0; d < DAGEN.size(); d++) {
            for (int uur = 1; uur <= 3; uur++) {
                lo.add(middernacht("lo" + d + uur, DAGEN.get(d), uur, "LO", Verdict.UNEXCUSED));
            }
        }

        List<Bevinding> bevindingen = new VerzuimRegels().evaluate(leerling, lessen(), lo, kalender,
                VerzuimBeleid.standaard(Eenheid.LESSON_PERIODS), VANDAAG);

        Bevinding legal = bevindingen.stream().filter(b -> b.regel() == Regel.LEGAL_16H).findFirst().orElseThrow();
        assertThat(legal.startDatum()).isEqualTo(DAGEN.get(0));
        // 16 is reached with the first lesson of Monday 9 November; the report counts that whole end day (R1 step 3)
        assertThat(legal.eindDatum()).isEqualTo(DAGEN.get(5));
        assertThat(legal.uren()).isEqualByComparingTo("18");
    }

    /** A registration as live Magister sends it: Start and Eind at local midnight, the lesson's times from the timetable. */
    Absentie middernacht(String id, LocalDate dag, int uur, String code, Verdict verdict) {
        Instant middernacht = dag.atStartOfDay(AMSTERDAM).toInstant();
        return new Absentie(id, dag + "#" + uur, dag, middernacht, middernacht, lesStart(dag, uur),
                lesStart(dag, uur).plusSeconds(50 * 60), code, verdict);
    }

    List<Les> lessen() {
        List<Les> lessen = new ArrayList<>();
        for (LocalDate dag : kalender.lesdagen(LocalDate.of(2026, 8, 17), VANDAAG.plusDays(1))) {
            for (int uur = 1; uur <= 6; uur++) {
                lessen.add(new Les(dag + "#" + uur, dag, lesStart(dag, uur), lesStart(dag, uur).plusSeconds(50 * 60)));
            }
        }
        return lessen;
    }

    static Instant lesStart(LocalDate dag, int uur) {
        return dag.atTime(8, 30).atZone(AMSTERDAM).toInstant().plusSeconds(50L * 60 * (uur - 1));
    }
}
