package nl.lvssync.opp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.lvssync.verzuim.kalender.Regio;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import org.junit.jupiter.api.Test;

/** O1–O3 by hand-worked dates (region noord, herfstvakantie 10–18 October 2026). */
class OppTermijnenTest {

    static final OppTermijnen.Weken KALENDER = OppTermijnen.Weken.KALENDER;
    static final OppTermijnen.Weken LESWEKEN = SchoolKalender.voorRegio(Regio.NOORD, List.of(), java.util.Set.of())::vensterEinde;

    static OppBehoefte placed(LocalDate on) {
        return new OppBehoefte(true, "profiel TOP", on, OppBehoefte.Bron.LVS, "TOP groep");
    }

    static OppVersie plan(int versie, OppStatus status, LocalDate opgesteld, LocalDate vastgesteld, LocalDate geevalueerd) {
        return new OppVersie("4001", "P1", versie, status, opgesteld, vastgesteld, geevalueerd, "arbeid", "Beschut werk",
                "Uit de intake", LocalDate.of(2029, 7, 31), "Route Arbeid", "Stage", "Nederlands, rekenen", "TOP",
                "Wekelijks gesprek", "M. Bakker", "1F", "Zelfstandig", "Sluit aan", "Motivatie", "Prikkels",
                vastgesteld, OffsetDateTime.of(2026, 9, 1, 8, 0, 0, 0, ZoneOffset.ofHours(2)));
    }

    static OppBeoordeling judge(OppBehoefte b, OppVersie v, LocalDate today) {
        return OppTermijnen.beoordeel(b, v, true, today, KALENDER, List.of());
    }

    @Test
    void noPlanAlertsAtFourWeeksAndIsOverdueAfterSix() {
        OppBehoefte b = placed(LocalDate.of(2026, 8, 17));
        assertThat(judge(b, null, LocalDate.of(2026, 9, 13)).state()).isEqualTo(DeadlineState.ON_TIME);
        assertThat(judge(b, null, LocalDate.of(2026, 9, 13)).bevindingen()).isEmpty();
        OppBeoordeling due = judge(b, null, LocalDate.of(2026, 9, 14));
        assertThat(due.state()).isEqualTo(DeadlineState.DUE);
        assertThat(due.bevindingen()).singleElement().satisfies(f -> {
            assertThat(f.regel()).isEqualTo(OppRegel.OPP_DUE);
            assertThat(f.startDatum()).isEqualTo(LocalDate.of(2026, 8, 17));
            assertThat(f.deadline()).isEqualTo(LocalDate.of(2026, 9, 28));
            assertThat(f.toelichting()).contains("Geplaatst op 17-08-2026", "nog geen OPP", "uiterlijk 28-09-2026");
        });
        // a concept plan is no set plan; the sixth week's last day is still in time
        assertThat(judge(b, plan(1, OppStatus.CONCEPT, LocalDate.of(2026, 9, 1), null, null), LocalDate.of(2026, 9, 28))
                .bevindingen()).extracting(OppBevinding::regel).containsExactly(OppRegel.OPP_DUE);
        OppBeoordeling overdue = judge(b, plan(1, OppStatus.CONCEPT, LocalDate.of(2026, 9, 1), null, null), LocalDate.of(2026, 9, 29));
        assertThat(overdue.state()).isEqualTo(DeadlineState.OVERDUE);
        assertThat(overdue.bevindingen()).singleElement().satisfies(f -> {
            assertThat(f.regel()).isEqualTo(OppRegel.OPP_OVERDUE);
            assertThat(f.startDatum()).isEqualTo(LocalDate.of(2026, 8, 17));
            assertThat(f.deadline()).isEqualTo(LocalDate.of(2026, 9, 28));
            assertThat(f.toelichting()).contains("status concept", "op 28-09-2026 verstreken");
        });
    }

    @Test
    void aPlanSetInTimeRaisesNothing() {
        OppBeoordeling b = judge(placed(LocalDate.of(2026, 8, 17)),
                plan(1, OppStatus.VASTGESTELD, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), null), LocalDate.of(2026, 11, 20));
        assertThat(b.state()).isEqualTo(DeadlineState.SET);
        assertThat(b.bevindingen()).isEmpty();
        assertThat(b.opTijd()).isTrue();
        assertThat(b.deadline()).isEqualTo(LocalDate.of(2027, 9, 10));
        assertThat(judge(placed(LocalDate.of(2026, 8, 17)),
                plan(1, OppStatus.VASTGESTELD, null, LocalDate.of(2026, 10, 1), null), LocalDate.of(2026, 11, 20)).opTijd()).isFalse();
    }

    @Test
    void aStudentPlacedMidYearHolidaysDoNotExtendUnlessConfigured() {
        // placed Monday 5 October; the herfstvakantie (10-18 October) lies in the six weeks
        OppBehoefte b = placed(LocalDate.of(2026, 10, 5));
        OppBeoordeling calendar = OppTermijnen.beoordeel(b, null, true, LocalDate.of(2026, 11, 20), KALENDER, List.of());
        assertThat(calendar.state()).isEqualTo(DeadlineState.OVERDUE);
        assertThat(calendar.deadline()).isEqualTo(LocalDate.of(2026, 11, 16));
        OppBeoordeling lesweken = OppTermijnen.beoordeel(b, null, true, LocalDate.of(2026, 11, 20), LESWEKEN, List.of());
        assertThat(lesweken.state()).isEqualTo(DeadlineState.DUE);
        assertThat(lesweken.deadline()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(lesweken.bevindingen()).extracting(OppBevinding::startDatum).containsExactly(LocalDate.of(2026, 10, 5));
    }

    @Test
    void theEvaluationIsDueFourWeeksBeforeTheYearAndOverdueAfterIt() {
        OppVersie set = plan(1, OppStatus.VASTGESTELD, LocalDate.of(2025, 11, 20), LocalDate.of(2025, 12, 10), null);
        OppBehoefte b = placed(LocalDate.of(2025, 11, 3));
        assertThat(judge(b, set, LocalDate.of(2026, 11, 11)).bevindingen()).isEmpty();
        OppBeoordeling due = judge(b, set, LocalDate.of(2026, 11, 12));
        assertThat(due.state()).isEqualTo(DeadlineState.EVALUATION_DUE);
        assertThat(due.bevindingen()).singleElement().satisfies(f -> {
            assertThat(f.regel()).isEqualTo(OppRegel.OPP_EVALUATION_DUE);
            assertThat(f.startDatum()).isEqualTo(LocalDate.of(2026, 11, 12));
            assertThat(f.deadline()).isEqualTo(LocalDate.of(2026, 12, 10));
        });
        OppBeoordeling overdue = judge(b, set, LocalDate.of(2026, 12, 11));
        assertThat(overdue.state()).isEqualTo(DeadlineState.EVALUATION_OVERDUE);
        // the same alert (same key), now past its deadline: the lifecycle escalates it
        assertThat(overdue.bevindingen()).singleElement().satisfies(f -> {
            assertThat(f.startDatum()).isEqualTo(LocalDate.of(2026, 11, 12));
            assertThat(f.toelichting()).contains("uiterlijk 10-12-2026 gemoeten");
        });
        // evaluated in a later version: the next year counts from that evaluation
        OppVersie evaluated = plan(2, OppStatus.GEEVALUEERD, LocalDate.of(2025, 11, 20), LocalDate.of(2025, 12, 10),
                LocalDate.of(2026, 12, 1));
        OppBeoordeling next = judge(b, evaluated, LocalDate.of(2026, 12, 11));
        assertThat(next.state()).isEqualTo(DeadlineState.SET);
        assertThat(next.deadline()).isEqualTo(LocalDate.of(2027, 12, 1));
        assertThat(next.afsluiting(OppRegel.OPP_EVALUATION_DUE, evaluated)).isEqualTo("Het OPP is geëvalueerd op 01-12-2026.");
    }

    @Test
    void anIncompletePlanListsWhatItLacks() {
        OppVersie v = plan(1, OppStatus.VASTGESTELD, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10), null);
        OppVersie lacking = new OppVersie(v.studentLvsId(), v.planId(), 1, v.status(), v.opgesteldOp(), v.vastgesteldOp(), null,
                v.uitstroomprofiel(), null, " ", v.beoogdeUitstroomdatum(), v.leerroute(), v.onderwijstraject(), null,
                v.arrangement(), v.begeleiding(), v.coach(), v.beginsituatieDidactisch(), v.beginsituatieLeergedrag(),
                v.beginsituatieSociaalEmotioneel(), v.bevorderendeFactoren(), v.belemmerendeFactoren(), null, v.receivedAt());
        OppBeoordeling b = judge(placed(LocalDate.of(2026, 8, 17)), lacking, LocalDate.of(2026, 11, 20));
        assertThat(b.ontbrekend()).containsExactly("uitstroombestemming", "onderbouwing", "vakkenpakket", "instemming_ouders_op");
        assertThat(b.bevindingen()).singleElement().satisfies(f -> {
            assertThat(f.regel()).isEqualTo(OppRegel.OPP_INCOMPLETE);
            assertThat(f.startDatum()).isEqualTo(LocalDate.of(2026, 9, 10));
            assertThat(f.deadline()).isNull();
            assertThat(f.ontbrekend()).containsExactly("uitstroombestemming", "onderbouwing", "vakkenpakket",
                    "instemming_ouders_op");
            assertThat(f.toelichting()).contains("uitstroombestemming, onderbouwing van de uitstroombestemming, vakkenpakket,"
                    + " instemming ouders met het handelingsdeel");
        });
        // a school that made the vakkenpakket optional (arbeid, dagbesteding)
        assertThat(OppTermijnen.beoordeel(placed(LocalDate.of(2026, 8, 17)), lacking, true, LocalDate.of(2026, 11, 20),
                KALENDER, List.of("vakkenpakket")).ontbrekend()).doesNotContain("vakkenpakket");
        // a concept is not judged on its contents: it is not set yet
        assertThat(judge(placed(LocalDate.of(2026, 11, 2)), plan(1, OppStatus.CONCEPT, null, null, null),
                LocalDate.of(2026, 11, 20)).ontbrekend()).isEmpty();
    }

    @Test
    void leftEndedAndAPlanWithoutTheRule() {
        OppBehoefte b = placed(LocalDate.of(2026, 8, 17));
        assertThat(OppTermijnen.beoordeel(b, null, false, LocalDate.of(2026, 11, 20), KALENDER, List.of()).state())
                .isEqualTo(DeadlineState.LEFT);
        assertThat(OppTermijnen.beoordeel(b, null, false, LocalDate.of(2026, 11, 20), KALENDER, List.of()).bevindingen()).isEmpty();
        OppBehoefte notNeeded = new OppBehoefte(false, null, null, OppBehoefte.Bron.ONBEKEND, null);
        assertThat(judge(notNeeded, plan(2, OppStatus.BEEINDIGD, null, LocalDate.of(2025, 9, 1), null), LocalDate.of(2026, 11, 20))
                .state()).isEqualTo(DeadlineState.ENDED);
        assertThat(judge(notNeeded, null, LocalDate.of(2026, 11, 20)).state()).isEqualTo(DeadlineState.NOT_REQUIRED);
        // a plan drawn up for a student the rule does not name: they need one since it was drawn up
        OppBeoordeling concept = judge(new OppBehoefte(false, null, LocalDate.of(2024, 8, 19), OppBehoefte.Bron.LVS, null),
                plan(1, OppStatus.CONCEPT, LocalDate.of(2026, 10, 19), null, null), LocalDate.of(2026, 11, 20));
        assertThat(concept.state()).isEqualTo(DeadlineState.DUE);
        assertThat(concept.bevindingen()).extracting(OppBevinding::startDatum).containsExactly(LocalDate.of(2026, 10, 19));
    }

    @Test
    void theNewestVersionIsTheCurrentPlan() {
        OppVersie v1 = plan(1, OppStatus.CONCEPT, LocalDate.of(2026, 9, 1), null, null);
        OppVersie v2 = plan(2, OppStatus.VASTGESTELD, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), null);
        assertThat(OppBewaking.huidig(List.of(v1, v2))).isEqualTo(v2);
        assertThat(OppBewaking.huidig(List.of(v2, v1))).isEqualTo(v2);
        OppVersie ended = new OppVersie("4001", "P0", 3, OppStatus.BEEINDIGD, LocalDate.of(2026, 11, 1), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(OppBewaking.huidig(List.of(ended, v1))).isEqualTo(v1);
        assertThat(OppBewaking.huidig(List.of(ended))).isEqualTo(ended);
        assertThat(OppBewaking.huidig(List.of())).isNull();
    }
}
