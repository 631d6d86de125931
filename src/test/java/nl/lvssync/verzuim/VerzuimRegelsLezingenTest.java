package nl.lvssync.verzuim;

import static nl.lvssync.verzuim.Leerlingdossier.leerling;
import static nl.lvssync.verzuim.VerzuimRegelsTest.EIGEN_MEIVAKANTIE;
import static nl.lvssync.verzuim.VerzuimRegelsTest.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import nl.lvssync.verzuim.kalender.Regio;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.verzuim.kalender.Schoolvakantie;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The readings verzuim-rules.md now pins (R1 Restart, R2, R3, R5), case by case, each expected alert worked out by
 * hand next to it. Region noord unless a case says otherwise: herfstvakantie 2026 Sat 10 - Sun 18 Oct, kerstvakantie
 * Sat 19 Dec 2026 - Sun 3 Jan 2027, voorjaarsvakantie 2026 Sat 21 Feb - Sun 1 Mar, meivakantie 2026 Sat 25 Apr -
 * Sun 3 May and 2027 Sat 24 Apr - Sun 2 May. Six 50-minute lessons a day (one hour each), born 14 May 2012.
 * Expected alerts are written as: LEGAL_16H "start..end hours", LRV "start..end deadline", LUXE "day hours deadline",
 * MAZL "SIGNAL start..end".
 */
class VerzuimRegelsLezingenTest {

    record Geval(String naam, Leerlingdossier dossier, LocalDate vandaag, Regel regel, List<String> verwacht) {
        @Override
        public String toString() {
            return naam;
        }
    }

    static Geval geval(String naam, Leerlingdossier dossier, String vandaag, Regel regel, String... verwacht) {
        return new Geval(naam, dossier, d(vandaag), regel, List.of(verwacht));
    }

    static Leerlingdossier ziekOp(Leerlingdossier dossier, String... dagen) {
        for (String dag : dagen) {
            dossier.ziek(d(dag), d(dag));
        }
        return dossier;
    }

    static Stream<Geval> gevallen() {
        SchoolKalender langWeekend = SchoolKalender.voorRegio(Regio.NOORD,
                List.of(new Schoolvakantie("Lang weekend", d("2026-11-26"), d("2026-11-30"))), Set.of());
        return Stream.of(
                // R5. Sick Fri 13 Feb 2026 - Wed 4 Mar across the voorjaarsvakantie: lesdagen 13, 16-20 Feb, 2-4 Mar
                // (10). The 7th is Mon 2 Mar: LONG 13 Feb..2 Mar. Single sick days Wed 1 Apr, Wed 15 Apr and Wed 6 May
                // are episodes 2-4. 12 lesweken from Fri 13 Feb: 16 Feb, (23 Feb holiday), 2, 9, 16, 23, 30 Mar,
                // 6, 13, 20 Apr, (27 Apr holiday), 4, 11, 18 May: until Fri 22 May. 6 May lies inside: EPISODES
                // 13 Feb..6 May, the same start date, both raised.
                geval("MAZL: the 7th day and the 4th episode on the same start date",
                        ziekOp(leerling().ziek(d("2026-02-13"), d("2026-03-04")), "2026-04-01", "2026-04-15", "2026-05-06"),
                        "2026-05-15", Regel.MAZL, "EPISODES 2026-02-13..2026-05-06", "LONG 2026-02-13..2026-03-02"),
                // R5. Single sick days on Mondays 7, 21 Sep, 5 Oct, 2, 9, 16, 23 Nov 2026. 12 lesweken from 7 Sep end
                // Mon 7 Dec: the 4th episode (2 Nov) fires, 7 Sep..2 Nov. Four later ones are needed for the next:
                // 9, 16, 23 Nov are only three (2 Nov belongs to the first alert): no second alert.
                geval("MAZL: 4 in 12 does not fire again with episodes of its previous alert",
                        ziekOp(leerling(), "2026-09-07", "2026-09-21", "2026-10-05", "2026-11-02", "2026-11-09", "2026-11-16",
                                "2026-11-23"),
                        "2026-12-11", Regel.MAZL, "EPISODES 2026-09-07..2026-11-02"),
                // ... and with Mon 30 Nov the four later episodes 9, 16, 23, 30 Nov fit in 12 lesweken from 9 Nov:
                // a second alert 9 Nov..30 Nov
                geval("MAZL: 4 in 12 fires again with four later episodes",
                        ziekOp(leerling(), "2026-09-07", "2026-09-21", "2026-10-05", "2026-11-02", "2026-11-09", "2026-11-16",
                                "2026-11-23", "2026-11-30"),
                        "2026-12-11", Regel.MAZL, "EPISODES 2026-09-07..2026-11-02", "EPISODES 2026-11-09..2026-11-30"),

                // R2. Whole days absent from Wed 4 Nov 2026: the week of 2 Nov is partly missed and does not count.
                // Full lesweken 9, 16, 23, 30 Nov; the fourth ends Sun 6 Dec; fires Mon 7 Dec. Evaluated Fri 11 Dec:
                // start 4 Nov, end 11 Dec, deadline Tue 8, Wed 9, Thu 10, Fri 11, Mon 14 Dec.
                geval("LRV: a partly missed first week does not count",
                        leerling().heleDagenOngeoorloofd(d("2026-11-04"), d("2026-12-11")), "2026-12-11", Regel.LRV,
                        "2026-11-04..2026-12-11 deadline 2026-12-14"),
                // ... evaluated Fri 4 Dec: three full lesweken (9, 16, 23 Nov) and a fourth not yet over: none
                geval("LRV: not before the fourth full lesweek is over",
                        leerling().heleDagenOngeoorloofd(d("2026-11-04"), d("2026-12-04")), "2026-12-04", Regel.LRV),
                // Whole days from Mon 21 Sep 2026: full lesweken 21, 28 Sep, 5 Oct, (12 Oct herfstvakantie: no lesdag,
                // no lesweek, and the episode runs on), 19 Oct; the fourth ends Sun 25 Oct; fires Mon 26 Oct.
                // Deadline Tue 27, Wed 28, Thu 29, Fri 30 Oct, Mon 2 Nov.
                geval("LRV: across a holiday",
                        leerling().heleDagenOngeoorloofd(d("2026-09-21"), d("2026-10-26")), "2026-10-26", Regel.LRV,
                        "2026-09-21..2026-10-26 deadline 2026-11-02"),
                geval("LRV: across a holiday, on the last day of the fourth week",
                        leerling().heleDagenOngeoorloofd(d("2026-09-21"), d("2026-10-23")), "2026-10-23", Regel.LRV),
                // Whole days Mon 2 Nov 2026 - Mon 4 Jan 2027, but lesson 1 of Wed 18 Nov attended: episode 2 - 17 Nov
                // (two full weeks), then from Thu 19 Nov: the week of 16 Nov is partly missed; full lesweken 23, 30 Nov,
                // 7, 14 Dec; the fourth ends Sun 20 Dec; the first episode lesdag after it is Mon 4 Jan 2027 (after the
                // kerstvakantie). Deadline Tue 5, Wed 6, Thu 7, Fri 8, Mon 11 Jan.
                geval("LRV: one attended lesson starts a new episode",
                        leerling().heleDagenOngeoorloofd(d("2026-11-02"), d("2027-01-04")).aanwezig(d("2026-11-18"), 1),
                        "2027-01-04", Regel.LRV, "2026-11-19..2027-01-04 deadline 2027-01-11"),
                // ... while without that lesson the episode from 2 Nov fires Mon 30 Nov: one alert, end 4 Jan
                geval("LRV: without the attended lesson",
                        leerling().heleDagenOngeoorloofd(d("2026-11-02"), d("2027-01-04")), "2027-01-04", Regel.LRV,
                        "2026-11-02..2027-01-04 deadline 2026-12-07"),

                // R3. The last lesdag before the kerstvakantie (Fri 18 Dec 2026), whole day: LUXE, 6 hours, deadline
                // Mon 21 .. Fri 25 Dec. The Friday before that, also whole: not next to a holiday.
                geval("LUXE: next to a holiday week",
                        leerling().ongeoorloofd(6, d("2026-12-11"), d("2026-12-18")), "2027-01-08", Regel.LUXE,
                        "2026-12-18 6.00 deadline 2026-12-25"),
                // The school's own meivakantie Sat 1 - Sun 9 May 2027, so Koningsdag Tue 27 Apr is a single day off:
                // Mon 26 and Wed 28 Apr are next to it and are no LUXE. Fri 30 Apr (the last lesdag before the
                // meivakantie) is: deadline Mon 3 .. Fri 7 May; and Mon 10 May (the first after): deadline Tue 11 .. Mon 17 May.
                geval("LUXE: next to Koningsdag, no alert",
                        leerling().kalender(EIGEN_MEIVAKANTIE).ongeoorloofd(6, d("2027-04-26"), d("2027-04-28"),
                                d("2027-04-30"), d("2027-05-10")),
                        "2027-05-21", Regel.LUXE, "2027-04-30 6.00 deadline 2027-05-07", "2027-05-10 6.00 deadline 2027-05-17"),
                // Noord's own meivakantie 2027 ends Sun 2 May: Mon 3 May is next to it (LUXE, deadline Mon 10 May);
                // Wed 5 May and Mon 10 May are next to Hemelvaart (Thu 6 + Fri 7 May), single days off: none
                geval("LUXE: next to Hemelvaart, no alert",
                        leerling().ongeoorloofd(6, d("2027-05-03"), d("2027-05-05"), d("2027-05-10")), "2027-05-21",
                        Regel.LUXE, "2027-05-03 6.00 deadline 2027-05-10"),
                // A school's long weekend Thu 26 - Mon 30 Nov 2026: five calendar days but three school days, not a
                // school week, so no schoolvakantie: the whole days Wed 25 Nov and Tue 1 Dec are no LUXE
                geval("LUXE: next to a long weekend, no alert",
                        leerling().kalender(langWeekend).ongeoorloofd(6, d("2026-11-25"), d("2026-12-01")), "2026-12-11",
                        Regel.LUXE),
                // ... and a day with leave, or one lesson attended, before the kerstvakantie: none
                geval("LUXE: leave or one lesson attended, no alert",
                        leerling().absent(d("2026-12-18"), Verdict.LEAVE, 1, 2, 3, 4, 5, 6).ongeoorloofd(6, d("2027-01-04"))
                                .aanwezig(d("2027-01-04"), 6),
                        "2027-01-08", Regel.LUXE),

                // R1 Restart. Whole days Mon 2 Nov - Fri 11 Dec 2026, lesson 1 of Thu 12 Nov attended.
                // 1: from Mon 2: 6 + 6 + 4 = 16 on Wed 4 Nov; the whole end day: 18.
                // 2: from Thu 5: 16 on Mon 9 (6 + 6 + 4), but every lesdag since Wed 4 missed whole, so the end date is
                //    the first day reaching 16 at least 7 days after Wed 4: Wed 11. Thu 5 - Wed 11: 5 x 6 = 30.
                // 3: from Thu 12: 5 (lessons 2-6) + 6 (Fri 13) + 5 = 16 on Mon 16. A lesson was attended since Wed 11,
                //    so reported at once: end Mon 16, 5 + 6 + 6 = 17.
                // 4: from Tue 17: 16 on Thu 19, continuous since Mon 16: end Mon 23 (16 + 7), Tue 17 - Mon 23: 30.
                // 5, 6: the same a week later: Tue 24 - Mon 30 Nov, Tue 1 - Mon 7 Dec, 30 each.
                // 7: from Tue 8 Dec: 16 on Thu 10, continuous, and Mon 14 Dec is still to come: not yet.
                geval("R1: continuous absence with one attended lesson is reported at once",
                        leerling().heleDagenOngeoorloofd(d("2026-11-02"), d("2026-12-11")).aanwezig(d("2026-11-12"), 1),
                        "2026-12-11", Regel.LEGAL_16H,
                        "2026-11-02..2026-11-04 18.00", "2026-11-05..2026-11-11 30.00", "2026-11-12..2026-11-16 17.00",
                        "2026-11-17..2026-11-23 30.00", "2026-11-24..2026-11-30 30.00", "2026-12-01..2026-12-07 30.00"),
                // Whole days Mon 2 - Mon 16 Nov, then back at school. 1: Mon 2 - Wed 4 (18). 2: Thu 5 - Wed 11 (30, as
                // above). 3: from Thu 12: 6 + 6 + 6 = 18, 16 reached on Mon 16, within 7 days of Wed 11; on Tue 17 the
                // student attends, so the spacing no longer applies and the report is as soon as 16 was reached:
                // end Mon 16, 18 hours (these hours are never left out of a report).
                geval("R1: a lesson attended after 16 was reached ends the spacing",
                        leerling().heleDagenOngeoorloofd(d("2026-11-02"), d("2026-11-16")), "2026-11-27", Regel.LEGAL_16H,
                        "2026-11-02..2026-11-04 18.00", "2026-11-05..2026-11-11 30.00", "2026-11-12..2026-11-16 18.00"),
                // ... evaluated on Mon 16 itself every lesdag since Wed 11 was missed whole and 18 Nov has not come: the
                // third is not yet reported
                geval("R1: while the absence is continuous, the third waits",
                        leerling().heleDagenOngeoorloofd(d("2026-11-02"), d("2026-11-16")), "2026-11-16", Regel.LEGAL_16H,
                        "2026-11-02..2026-11-04 18.00", "2026-11-05..2026-11-11 30.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gevallen")
    void readings(Geval geval) {
        List<String> gevonden = geval.dossier().evalueer(geval.vandaag(), geval.regel()).stream()
                .map(VerzuimRegelsLezingenTest::kort).sorted().toList();
        assertThat(gevonden).containsExactlyElementsOf(geval.verwacht().stream().sorted().toList());
    }

    static String kort(Bevinding b) {
        return switch (b.regel()) {
            case LEGAL_16H -> b.startDatum() + ".." + b.eindDatum() + " " + b.uren();
            case LRV -> b.startDatum() + ".." + b.eindDatum() + " deadline " + b.deadline();
            case LUXE -> b.startDatum() + " " + b.uren() + " deadline " + b.deadline();
            default -> b.signaal() + " " + b.startDatum() + ".." + b.eindDatum();
        };
    }
}
