package nl.lvssync.verzuim;

import static nl.lvssync.verzuim.Leerlingdossier.leerling;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nl.lvssync.verzuim.kalender.Regio;
import nl.lvssync.verzuim.kalender.SchoolKalender;
import nl.lvssync.verzuim.kalender.Schoolvakantie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verzuim rules, case by case; each expected result is worked out by hand from verzuim-rules.md and written
 * next to the case. Calendar: region noord 2026-2027 (herfstvakantie Sat 10 - Sun 18 October, kerstvakantie
 * Sat 19 December - Sun 3 January). Unless a case says otherwise: six 50-minute lessons a day from 08:30, unit
 * LESSON_PERIODS (each missed lesson of at most 60 minutes is one hour), a student born 14 May 2012 (leerplichtig).
 */
class VerzuimRegelsTest {

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static final LocalDate MA_2_NOV = d("2026-11-02");
    static final LocalDate DI_3_NOV = d("2026-11-03");
    static final LocalDate WO_4_NOV = d("2026-11-04");
    static final LocalDate DO_5_NOV = d("2026-11-05");
    static final LocalDate VR_6_NOV = d("2026-11-06");
    static final LocalDate VR_27_NOV = d("2026-11-27");

    /** A case of R1: the dossier, the day of evaluation, and the one LEGAL_16H finding expected (or none). */
    record R1(String naam, Leerlingdossier dossier, LocalDate vandaag, String start, String eind, String uren,
              String deadline) {
        @Override
        public String toString() {
            return naam;
        }
    }

    static Stream<Arguments> r1() {
        return Stream.of(
                // 4 lessons Mon 2 - Thu 5 Nov = 16 hours, the 16th in the last lesson on Thursday. Window Mon 2 Nov ..
                // Sun 29 Nov. Deadline 5 working days after Thu 5 Nov: Fri 6, Mon 9, Tue 10, Wed 11, Thu 12.
                r1("exactly 16 hours", leerling().ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV),
                        "2026-11-02", "2026-11-05", "16.00", "2026-11-12"),
                // 4 + 4 + 4 + 3 = 15 hours: below the threshold (>= 16, not > 15)
                r1("15 hours", leerling().ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV).ongeoorloofd(3, DO_5_NOV),
                        null, null, null, null),
                // 60-minute lessons are still one hour each: the same 16 on Thursday
                r1("60-minute lessons, lesson periods", leerling().rooster(6, 60)
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV),
                        "2026-11-02", "2026-11-05", "16.00", "2026-11-12"),
                r1("60-minute lessons, clock hours", leerling().rooster(6, 60).eenheid(Eenheid.CLOCK_HOURS)
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV),
                        "2026-11-02", "2026-11-05", "16.00", "2026-11-12"),
                // 90-minute lessons count their clock time, 1.5 each: 4 x 1.5 = 6 on Monday, 12 on Tuesday, then
                // 13.5, 15, 16.5 with the third lesson of Wednesday 4 Nov. Deadline Thu 5 .. Wed 11 Nov.
                r1("90-minute lessons, lesson periods", leerling().rooster(5, 90).ongeoorloofd(4, MA_2_NOV, DI_3_NOV)
                                .ongeoorloofd(3, WO_4_NOV),
                        "2026-11-02", "2026-11-04", "16.50", "2026-11-11"),
                r1("90-minute lessons, clock hours", leerling().rooster(5, 90).eenheid(Eenheid.CLOCK_HOURS)
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV).ongeoorloofd(3, WO_4_NOV),
                        "2026-11-02", "2026-11-04", "16.50", "2026-11-11"),
                // clock hours with 50-minute lessons: 16 hours = 960 minutes = 19.2 lessons, so the 20th lesson
                // (Fri 6 Nov, 4 a day) reaches 16.67. Deadline Mon 9 .. Fri 13 Nov.
                r1("50-minute lessons, clock hours", leerling().eenheid(Eenheid.CLOCK_HOURS)
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV, VR_6_NOV),
                        "2026-11-02", "2026-11-06", "16.67", "2026-11-13"),
                // 19 lessons of 50 minutes = 15.83 clock hours: none (the same 19 as lesson periods would be 19 hours)
                r1("19 x 50 minutes, clock hours", leerling().eenheid(Eenheid.CLOCK_HOURS)
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV).ongeoorloofd(3, VR_6_NOV),
                        null, null, null, null),
                // Window from Mon 28 Sep: lesweken 28 Sep, 5 Oct, (12 Oct herfstvakantie: not counted, +7 days),
                // 19 Oct, 26 Oct -> ends before Mon 2 Nov. 6 + 6 + 4 on Mon 26 Oct = 16. Deadline Tue 27 .. Mon 2 Nov.
                r1("window across the autumn holiday", leerling().ongeoorloofd(6, d("2026-09-28"), d("2026-10-05"))
                                .ongeoorloofd(4, d("2026-10-26")),
                        "2026-09-28", "2026-10-26", "16.00", "2026-11-02"),
                // The same absences without a holiday: the window from 28 Sep ends before Mon 26 Oct (12 hours), the
                // one from 5 Oct holds 6 + 4 = 10, the one from 26 Oct 4: no alert.
                r1("same absences, no holiday", leerling().kalender(SchoolKalender.of(List.of(), Set.of()))
                                .ongeoorloofd(6, d("2026-09-28"), d("2026-10-05")).ongeoorloofd(4, d("2026-10-26")),
                        null, null, null, null),
                // Born 4 Nov 2010: 16 on Wed 4 Nov 2026, leerplichtig until 31 July 2027: everything counts
                r1("turns 16 in the window", leerling().geboren(d("2010-11-04"))
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV),
                        "2026-11-02", "2026-11-05", "16.00", "2026-11-12"),
                // Born 4 Nov 2008: leerplicht ended 31 July 2025; kwalificatieplichtig until 18 on Wed 4 Nov 2026.
                // Mon and Tue count (8 hours), Wed and Thu not: no alert.
                r1("turns 18 in the window", leerling().geboren(d("2008-11-04"))
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV),
                        null, null, null, null),
                r1("18 years old", leerling().geboren(d("2007-01-01"))
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV),
                        null, null, null, null),
                // Born 1 June 2010: leerplicht ended 31 July 2026; VSO uitstroomprofiel arbeid is not
                // kwalificatieplichtig (art. 4a lid 2): no alert. Without the profile: kwalificatieplichtig, alert.
                r1("VSO arbeid after leerplicht", leerling().geboren(d("2010-06-01")).uitstroomprofiel("arbeid")
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV),
                        null, null, null, null),
                r1("kwalificatieplichtig without exemption", leerling().geboren(d("2010-06-01"))
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV),
                        "2026-11-02", "2026-11-05", "16.00", "2026-11-12"),
                // excused registrations never count, however many
                r1("sick", leerling().absent(MA_2_NOV, Verdict.SICK, 1, 2, 3, 4, 5, 6).absent(DI_3_NOV, Verdict.SICK, 1, 2, 3, 4, 5, 6)
                        .absent(WO_4_NOV, Verdict.SICK, 1, 2, 3, 4, 5, 6), null, null, null, null),
                r1("suspended", leerling().absent(MA_2_NOV, Verdict.SUSPENDED, 1, 2, 3, 4, 5, 6)
                        .absent(DI_3_NOV, Verdict.SUSPENDED, 1, 2, 3, 4, 5, 6).absent(WO_4_NOV, Verdict.SUSPENDED, 1, 2, 3, 4, 5, 6),
                        null, null, null, null),
                r1("excused and leave", leerling().absent(MA_2_NOV, Verdict.EXCUSED, 1, 2, 3, 4, 5, 6)
                        .absent(DI_3_NOV, Verdict.LEAVE, 1, 2, 3, 4, 5, 6).absent(WO_4_NOV, Verdict.EXCUSED, 1, 2, 3, 4, 5, 6),
                        null, null, null, null),
                // 15 hours plus a late arrival of more than 20 minutes on Fri 6 Nov: that lesson counts as missed,
                // the 16th hour. Deadline Mon 9 .. Fri 13 Nov.
                r1("late more than 20 minutes", leerling().ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV)
                                .ongeoorloofd(3, DO_5_NOV).teLaat(VR_6_NOV, 25),
                        "2026-11-02", "2026-11-06", "16.00", "2026-11-13"),
                // ... and of 10 minutes: a late arrival, not a missed lesson: still 15
                r1("late 20 minutes or less", leerling().ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV)
                                .ongeoorloofd(3, DO_5_NOV).teLaat(VR_6_NOV, 10),
                        null, null, null, null),
                // Issue 14's example (noord 2025, herfstvakantie Sat 18 - Sun 26 Oct 2025; seven 50-minute lessons a
                // day). Window from Fri 26 Sep: the weeks of 29 Sep, 6 Oct, 13 Oct count, 20 Oct does not, 27 Oct does:
                // it ends before Fri 31 Oct. Fri 26 Sep lessons 3-5 (3), Tue 7 Oct 2-4 (6), Thu 16 Oct 1, 2, 5 (9),
                // Mon 27 Oct 5-7 (12), Thu 30 Oct 1, 3, 4, 5 (16 with lesson 5). Deadline Fri 31 Oct, Mon 3, Tue 4,
                // Wed 5, Thu 6 Nov.
                r1("issue 14: a holiday in the fourth lesweek does not shrink the window", d("2025-11-07"),
                        leerling().rooster(7, 50).absent(d("2025-09-26"), Verdict.UNEXCUSED, 3, 4, 5)
                                .absent(d("2025-10-07"), Verdict.UNEXCUSED, 2, 3, 4)
                                .absent(d("2025-10-16"), Verdict.UNEXCUSED, 1, 2, 5)
                                .absent(d("2025-10-27"), Verdict.UNEXCUSED, 5, 6, 7)
                                .absent(d("2025-10-30"), Verdict.UNEXCUSED, 1, 3, 4, 5),
                        "2025-09-26", "2025-10-30", "16.00", "2025-11-06"),
                // Issue 14's second example (seven lessons a day): Mon 15 Sep lessons 1-5 (5), Wed 17 Sep 1-5 (10),
                // Wed 24 Sep 1-7: the 16th hour is lesson 6, and lesson 7 of that end day is unexcused too. The
                // report holds the whole end day: 17 hours. Deadline Thu 25, Fri 26, Mon 29, Tue 30 Sep, Wed 1 Oct.
                r1("end day with unexcused lessons after the 16th hour", d("2025-11-07"),
                        leerling().rooster(7, 50).ongeoorloofd(5, d("2025-09-15"), d("2025-09-17"))
                                .ongeoorloofd(7, d("2025-09-24")),
                        "2025-09-15", "2025-09-24", "17.00", "2025-10-01"),
                // 4 + 4 + 4 on Mon 2 - Wed 4 Nov, then all 6 lessons of Thu 5 Nov: 16 with the 4th lesson of Thursday,
                // the report counts Thursday's lessons 5 and 6 too: 18 hours
                r1("end day missed whole", leerling().ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV).ongeoorloofd(6, DO_5_NOV),
                        "2026-11-02", "2026-11-05", "18.00", "2026-11-12"),
                // five 90-minute lessons a day, each 1.5 hours: Mon 2 Nov lessons 1-4 (6), Tue 3 Nov 1-4 (12), Wed 4 Nov
                // all five: 13.5, 15, 16.5 with lesson 3, and lessons 4 and 5 of that end day make it 19.5.
                // Deadline Thu 5 .. Wed 11 Nov.
                r1("90-minute lessons on the end day, lesson periods", leerling().rooster(5, 90)
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV).ongeoorloofd(5, WO_4_NOV),
                        "2026-11-02", "2026-11-04", "19.50", "2026-11-11"),
                r1("90-minute lessons on the end day, clock hours", leerling().rooster(5, 90).eenheid(Eenheid.CLOCK_HOURS)
                                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV).ongeoorloofd(5, WO_4_NOV),
                        "2026-11-02", "2026-11-04", "19.50", "2026-11-11"));
    }

    static Arguments r1(String naam, Leerlingdossier dossier, String start, String eind, String uren, String deadline) {
        return r1(naam, VR_27_NOV, dossier, start, eind, uren, deadline);
    }

    static Arguments r1(String naam, LocalDate vandaag, Leerlingdossier dossier, String start, String eind, String uren,
                        String deadline) {
        return Arguments.of(new R1(naam, dossier, vandaag, start, eind, uren, deadline));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("r1")
    void legal16Hours(R1 geval) {
        List<Bevinding> r1 = geval.dossier().evalueer(geval.vandaag(), Regel.LEGAL_16H);
        if (geval.start() == null) {
            assertThat(r1).isEmpty();
            return;
        }
        assertThat(r1).hasSize(1);
        Bevinding b = r1.get(0);
        assertThat(b.startDatum()).isEqualTo(d(geval.start()));
        assertThat(b.eindDatum()).isEqualTo(d(geval.eind()));
        assertThat(b.uren()).isEqualByComparingTo(new BigDecimal(geval.uren()));
        assertThat(b.deadline()).isEqualTo(d(geval.deadline()));
        assertThat(b.vensterVan()).isEqualTo(b.startDatum());
        assertThat(b.bijdragen()).isNotEmpty().allMatch(x -> x.verdict() == Verdict.UNEXCUSED || x.verdict() == Verdict.LATE);
        assertThat(b.toelichting()).isNotBlank();
    }

    /**
     * An R1 window from day A: its exclusive end E, and L, the last lesdag before it. Case "inside": 6 hours on A,
     * 4 on A + 7 days and 6 on L: 16 on L, so LEGAL_16H from A to L, 16 hours. Case "outside": the same 6 on A and 4
     * on A + 7, then 6 on O, the first lesdag on or after E: the window from A holds 10, the one from A + 7 also 10
     * (4 + 6): no alert. One week too short fails the first, one too long the second.
     */
    record Venster(String naam, SchoolKalender kalender, LocalDate a, LocalDate l, LocalDate e, LocalDate o) {
        @Override
        public String toString() {
            return naam;
        }
    }

    static final SchoolKalender NOORD = SchoolKalender.voorRegio(Regio.NOORD, List.of(), Set.of());
    /** Noord, with the school's own meivakantie Sat 1 - Sun 9 May 2027 instead of the region's 24 Apr - 2 May. */
    static final SchoolKalender EIGEN_MEIVAKANTIE = SchoolKalender.voorRegio(Regio.NOORD,
            List.of(new Schoolvakantie("Meivakantie", d("2027-05-01"), d("2027-05-09"))), Set.of());

    static Stream<Venster> vensters() {
        return Stream.of(
                // herfstvakantie noord Sat 10 - Sun 18 Oct 2026: the week of 12 Oct has no lesdag.
                // In the 2nd week after A's week (A's week 28 Sep): counted 5 Oct, 19 Oct, 26 Oct, 2 Nov.
                venster("Monday, holiday in the 2nd lesweek", "2026-09-28", "2026-10-30", "2026-11-02", "2026-11-02"),
                venster("Tuesday, holiday in the 2nd lesweek", "2026-09-29", "2026-11-02", "2026-11-03", "2026-11-03"),
                venster("Wednesday, holiday in the 2nd lesweek", "2026-09-30", "2026-11-03", "2026-11-04", "2026-11-04"),
                venster("Thursday, holiday in the 2nd lesweek", "2026-10-01", "2026-11-04", "2026-11-05", "2026-11-05"),
                venster("Friday, holiday in the 2nd lesweek", "2026-10-02", "2026-11-05", "2026-11-06", "2026-11-06"),
                // in the 3rd week after A's week (A's week 21 Sep): counted 28 Sep, 5 Oct, 19 Oct, 26 Oct
                venster("Monday, holiday in the 3rd lesweek", "2026-09-21", "2026-10-23", "2026-10-26", "2026-10-26"),
                venster("Tuesday, holiday in the 3rd lesweek", "2026-09-22", "2026-10-26", "2026-10-27", "2026-10-27"),
                venster("Wednesday, holiday in the 3rd lesweek", "2026-09-23", "2026-10-27", "2026-10-28", "2026-10-28"),
                venster("Thursday, holiday in the 3rd lesweek", "2026-09-24", "2026-10-28", "2026-10-29", "2026-10-29"),
                venster("Friday, holiday in the 3rd lesweek", "2026-09-25", "2026-10-29", "2026-10-30", "2026-10-30"),
                // in the 4th week after A's week (A's week 14 Sep): counted 21 Sep, 28 Sep, 5 Oct, 19 Oct. For a Monday
                // the last lesdag is Fri 9 Oct; from Tuesday on the window reaches into the week of 19 Oct (the case
                // the old count, which took A's own week as the first, cut short)
                venster("Monday, holiday in the 4th lesweek", "2026-09-14", "2026-10-09", "2026-10-19", "2026-10-19"),
                venster("Tuesday, holiday in the 4th lesweek", "2026-09-15", "2026-10-19", "2026-10-20", "2026-10-20"),
                venster("Wednesday, holiday in the 4th lesweek", "2026-09-16", "2026-10-20", "2026-10-21", "2026-10-21"),
                venster("Thursday, holiday in the 4th lesweek", "2026-09-17", "2026-10-21", "2026-10-22", "2026-10-22"),
                venster("Friday, holiday in the 4th lesweek", "2026-09-18", "2026-10-22", "2026-10-23", "2026-10-23"),
                // Easter 28 Mar 2027 (Tweede Paasdag Mon 29 Mar), meivakantie noord Sat 24 Apr - Sun 2 May 2027,
                // Hemelvaart Thu 6 + Fri 7 May. From Thu 1 Apr: counted 5, 12, 19 Apr, (26 Apr holiday), 3 May: Mon - Wed
                // are lesdagen, so it counts. Ends before Thu 6 May; L Wed 5 May; O Mon 10 May (were the week of 3 May
                // skipped, the window would run to Thu 13 May and hold O)
                new Venster("fourth lesweek with only Hemelvaart off", NOORD, d("2027-04-01"), d("2027-05-05"),
                        d("2027-05-06"), d("2027-05-10")),
                // the school's own meivakantie 1 - 9 May 2027, so Koningsdag Tue 27 Apr is a single day off. From Tue
                // 30 Mar: counted 5, 12, 19, 26 Apr (Mon, Wed - Fri are lesdagen): ends before Tue 27 Apr; L Mon 26 Apr;
                // O Wed 28 Apr (were the week of 26 Apr skipped, the window would run to Tue 11 May and hold O)
                new Venster("fourth lesweek with only Koningsdag off", EIGEN_MEIVAKANTIE, d("2027-03-30"), d("2027-04-26"),
                        d("2027-04-27"), d("2027-04-28")));
    }

    static Venster venster(String naam, String a, String l, String e, String o) {
        return new Venster(naam, NOORD, d(a), d(l), d(e), d(o));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vensters")
    void theWindowCountsFourLesweken(Venster v) {
        LocalDate vandaag = v.o().plusWeeks(2);
        assertThat(v.kalender().vensterEinde(v.a(), 4)).isEqualTo(v.e());

        Bevinding binnen = leerling().kalender(v.kalender()).ongeoorloofd(6, v.a()).ongeoorloofd(4, v.a().plusDays(7))
                .ongeoorloofd(6, v.l()).evalueer(vandaag, Regel.LEGAL_16H).get(0);
        assertThat(binnen.startDatum()).isEqualTo(v.a());
        assertThat(binnen.eindDatum()).isEqualTo(v.l());
        assertThat(binnen.uren()).isEqualByComparingTo("16");
        assertThat(binnen.vensterTot()).isEqualTo(v.e().minusDays(1));

        assertThat(leerling().kalender(v.kalender()).ongeoorloofd(6, v.a()).ongeoorloofd(4, v.a().plusDays(7))
                .ongeoorloofd(6, v.o()).evalueer(vandaag, Regel.LEGAL_16H)).isEmpty();
    }

    @Test
    void theRecordsOfAReportAreTheWholeEndDay() {
        // issue 14's second example: 16 with lesson 6 of Wed 24 Sep 2025, lesson 7 unexcused too. The report holds all
        // 17 records; the next count starts on Thu 25 Sep, so lesson 7 would otherwise be in no report at all
        Bevinding b = leerling().rooster(7, 50).ongeoorloofd(5, d("2025-09-15"), d("2025-09-17"))
                .ongeoorloofd(7, d("2025-09-24")).evalueer(d("2025-11-07"), Regel.LEGAL_16H).get(0);
        assertThat(b.bijdragen()).hasSize(17);
        assertThat(b.bijdragen()).filteredOn(x -> x.datum().equals(d("2025-09-24"))).hasSize(7);
        assertThat(b.bijdragen().stream().map(Bijdrage::uren).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(b.uren());
        assertThat(b.verzuimdagen()).isEqualTo(3);
        assertThat(b.toelichting()).startsWith("17 uur");
    }

    @Test
    void theWindowEndsJustBeforeTheSameWeekdayFourLesweken() {
        // from Mon 2 Nov: lesweken 2, 9, 16, 23 Nov -> the window ends before Mon 30 Nov
        Bevinding b = leerling().ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV).evalueer(VR_27_NOV, Regel.LEGAL_16H).get(0);
        assertThat(b.vensterTot()).isEqualTo(d("2026-11-29"));
        assertThat(b.verzuimdagen()).isEqualTo(4);
        // 4 of the 6 lessons a day: not all lessons missed
        assertThat(b.alleLessenGemist()).isFalse();
        assertThat(b.statusOnbekend()).isFalse();
        assertThat(b.bijdragen()).hasSize(16);
    }

    @Test
    void countingRestartsTheDayAfterTheEndDate() {
        // First: Mon 2 - Thu 5 Nov, 16 on Thursday. Counting restarts Fri 6 Nov: 4 + 4 (Mon 9) + 4 (Tue 10) + 4
        // (Wed 11) = 16 on Wed 11 Nov. The student attended the other lessons: no continuous absence, so no spacing.
        // Deadline of the second: Thu 12, Fri 13, Mon 16, Tue 17, Wed 18 Nov.
        List<Bevinding> r1 = leerling().ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV, VR_6_NOV,
                d("2026-11-09"), d("2026-11-10"), d("2026-11-11")).evalueer(VR_27_NOV, Regel.LEGAL_16H);

        assertThat(r1).extracting(Bevinding::startDatum).containsExactly(MA_2_NOV, VR_6_NOV);
        assertThat(r1).extracting(Bevinding::eindDatum).containsExactly(DO_5_NOV, d("2026-11-11"));
        assertThat(r1.get(1).deadline()).isEqualTo(d("2026-11-18"));
        assertThat(r1.get(1).bijdragen()).noneMatch(x -> x.datum().isBefore(VR_6_NOV));
    }

    @Test
    void continuousAbsenceIsReportedOncePerSevenDaysThenAsLrv() {
        // Whole days absent (6 lessons) Mon 2 Nov - Fri 11 Dec, evaluated Fri 11 Dec.
        // R1: 6 + 6 + 4 = 16 on Wed 4 Nov (start Mon 2); the report holds the whole end day: 18 hours. Restart Thu 5:
        // 16 is reached on Mon 9, but the absence is continuous, so the count runs on to the first absence on or after
        // Wed 11 (4 Nov + 7): end Wed 11, 30 hours (Thu 5 to Wed 11: five whole days of 6). The same each week: starts
        // on Thursdays, ends on Wednesdays 18 Nov, 25 Nov, 2 Dec, 9 Dec. The count from Thu 10 Dec (12 hours by
        // Fri 11) does not reach 16.
        LocalDate vandaag = d("2026-12-11");
        Leerlingdossier dossier = leerling().heleDagenOngeoorloofd(MA_2_NOV, vandaag);
        List<Bevinding> r1 = dossier.evalueer(vandaag, Regel.LEGAL_16H);

        assertThat(r1).extracting(Bevinding::startDatum).containsExactly(MA_2_NOV, DO_5_NOV, d("2026-11-12"),
                d("2026-11-19"), d("2026-11-26"), d("2026-12-03"));
        assertThat(r1).extracting(Bevinding::eindDatum).containsExactly(WO_4_NOV, d("2026-11-11"), d("2026-11-18"),
                d("2026-11-25"), d("2026-12-02"), d("2026-12-09"));
        assertThat(r1.get(0).uren()).isEqualByComparingTo("18");
        assertThat(r1.get(1).uren()).isEqualByComparingTo("30");
        assertThat(r1.get(0).alleLessenGemist()).isTrue();
        // LRV: full lesweken 2, 9, 16 and 23 Nov; it fires on the first lesdag after them, Mon 30 Nov. One alert
        // for the episode, start Mon 2 Nov, end the last absent day so far (Fri 11 Dec); deadline 5 working days
        // after Mon 30 Nov: Tue 1, Wed 2, Thu 3, Fri 4, Mon 7 Dec.
        List<Bevinding> lrv = dossier.evalueer(vandaag, Regel.LRV);
        assertThat(lrv).hasSize(1);
        assertThat(lrv.get(0).startDatum()).isEqualTo(MA_2_NOV);
        assertThat(lrv.get(0).eindDatum()).isEqualTo(vandaag);
        assertThat(lrv.get(0).deadline()).isEqualTo(d("2026-12-07"));
        // on Fri 27 Nov four full lesweken are over, but "more than 4" needs the next lesdag: no LRV yet
        assertThat(leerling().heleDagenOngeoorloofd(MA_2_NOV, VR_27_NOV).evalueer(VR_27_NOV, Regel.LRV)).isEmpty();
    }

    @Test
    void lrvWithOneLesdagAWeekFiresOnTheFifthDayMissedWhole() {
        // lessons on Mondays only: each Monday missed whole is a full lesweek, so four of them (2 to 23 Nov) and the
        // next, Mon 30 Nov, are the fewest days missed whole that raise LRV
        LocalDate[] maandagen = {MA_2_NOV, d("2026-11-09"), d("2026-11-16"), d("2026-11-23"), d("2026-11-30")};
        List<Bevinding> lrv = leerling().alleenOp(java.time.DayOfWeek.MONDAY).ongeoorloofd(6, maandagen)
                .evalueer(d("2026-11-30"), Regel.LRV);
        assertThat(lrv).hasSize(1);
        assertThat(lrv.get(0).startDatum()).isEqualTo(MA_2_NOV);
        assertThat(lrv.get(0).eindDatum()).isEqualTo(d("2026-11-30"));
        assertThat(leerling().alleenOp(java.time.DayOfWeek.MONDAY)
                .ongeoorloofd(6, java.util.Arrays.copyOf(maandagen, 4)).evalueer(d("2026-11-30"), Regel.LRV))
                .as("four Mondays are four full lesweken, not more than four").isEmpty();
    }

    @Test
    void anUnknownBirthDateRaisesMarkedStatusUnknown() {
        List<Bevinding> r1 = leerling().geboren(null).ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV)
                .evalueer(VR_27_NOV, Regel.LEGAL_16H);
        assertThat(r1).hasSize(1);
        assertThat(r1.get(0).statusOnbekend()).isTrue();
    }

    @Test
    void reCodingAfterTheAlertTakesItAway() {
        // 16 hours; then Tuesday's 4 are re-coded as sick (a parent called): 12 hours, no finding, so the alert is
        // withdrawn by the caller
        Leerlingdossier dossier = leerling().ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV);
        assertThat(dossier.evalueer(VR_27_NOV, Regel.LEGAL_16H)).hasSize(1);
        assertThat(dossier.hercodeer(Verdict.SICK, DI_3_NOV).evalueer(VR_27_NOV, Regel.LEGAL_16H)).isEmpty();
    }

    @Test
    void signals() {
        // HOURS: 4 + 4 = 8 unexcused hours on Tue 3 Nov (8 is the signal threshold, 16 not reached)
        List<Bevinding> uren = leerling().ongeoorloofd(4, MA_2_NOV, DI_3_NOV).evalueer(VR_27_NOV, Regel.SIGNAL);
        assertThat(uren).filteredOn(b -> b.signaal() == Signaal.HOURS).singleElement()
                .satisfies(b -> assertThat(b.eindDatum()).isEqualTo(DI_3_NOV));
        // 8 lessons a day: the signal's 8 hours are reached on Monday, the legal 16 on Tuesday: both stand, each for
        // its own day (the signal is suppressed only when both thresholds fall on the same day)
        assertThat(leerling().rooster(8, 50).ongeoorloofd(8, MA_2_NOV, DI_3_NOV).evalueer(VR_27_NOV))
                .extracting(Bevinding::regel).contains(Regel.LEGAL_16H, Regel.SIGNAL);

        // LATE: 6 late arrivals (10 minutes) Mon 2 - Mon 9 Nov within 4 lesweken: fires on the 6th, Mon 9 Nov
        Leerlingdossier laat = leerling();
        for (LocalDate dag : List.of(MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV, VR_6_NOV, d("2026-11-09"))) {
            laat.teLaat(dag, 10);
        }
        assertThat(laat.evalueer(VR_27_NOV, Regel.SIGNAL)).filteredOn(b -> b.signaal() == Signaal.LATE).singleElement()
                .satisfies(b -> {
                    assertThat(b.startDatum()).isEqualTo(MA_2_NOV);
                    assertThat(b.eindDatum()).isEqualTo(d("2026-11-09"));
                });
        assertThat(leerling().teLaat(MA_2_NOV, 10).teLaat(DI_3_NOV, 10).teLaat(WO_4_NOV, 10).teLaat(DO_5_NOV, 10)
                .teLaat(VR_6_NOV, 10).evalueer(VR_27_NOV, Regel.SIGNAL)).noneMatch(b -> b.signaal() == Signaal.LATE);

        // PATTERN: absent on Mondays 2, 9 and 23 Nov: 3 of the lesweken 2, 9, 16, 23 Nov; fires Mon 23 Nov
        assertThat(leerling().ongeoorloofd(2, MA_2_NOV, d("2026-11-09"), d("2026-11-23")).evalueer(VR_27_NOV, Regel.SIGNAL))
                .filteredOn(b -> b.signaal() == Signaal.PATTERN).singleElement()
                .satisfies(b -> {
                    assertThat(b.startDatum()).isEqualTo(MA_2_NOV);
                    assertThat(b.eindDatum()).isEqualTo(d("2026-11-23"));
                });
        assertThat(leerling().ongeoorloofd(2, MA_2_NOV, d("2026-11-23")).evalueer(VR_27_NOV, Regel.SIGNAL))
                .noneMatch(b -> b.signaal() == Signaal.PATTERN);

        // SPROKKEL: one lesson missed on 5 different lesdagen Mon 2 - Fri 6 Nov, each part of a day: fires Fri 6
        assertThat(leerling().ongeoorloofd(1, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV, VR_6_NOV).evalueer(VR_27_NOV, Regel.SIGNAL))
                .filteredOn(b -> b.signaal() == Signaal.SPROKKEL).singleElement()
                .satisfies(b -> assertThat(b.eindDatum()).isEqualTo(VR_6_NOV));
        assertThat(leerling().ongeoorloofd(1, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV).evalueer(VR_27_NOV, Regel.SIGNAL))
                .noneMatch(b -> b.signaal() == Signaal.SPROKKEL);
    }

    @Test
    void patternFiresAgainOnlyForFourLeswekenAllAfterThoseOfItsPreviousAlert() {
        // every Monday missed from 2 Nov to 4 Jan 2027: the lesweken of 2, 9, 16, 23, 30 Nov, 7 and 14 Dec and 4 Jan
        // (kerstvakantie noord in between is none). Fires on 23 Nov (2 - 23 Nov), then again only when the last 4
        // lesweken all lie after 23 Nov: on 4 Jan (30 Nov - 4 Jan), not on 14 Dec (23 Nov - 14 Dec)
        LocalDate[] maandagen = {MA_2_NOV, d("2026-11-09"), d("2026-11-16"), d("2026-11-23"), d("2026-11-30"),
                d("2026-12-07"), d("2026-12-14"), d("2027-01-04")};
        assertThat(leerling().ongeoorloofd(2, maandagen).evalueer(d("2027-01-08"), Regel.SIGNAL))
                .filteredOn(b -> b.signaal() == Signaal.PATTERN)
                .extracting(Bevinding::startDatum, Bevinding::eindDatum)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MA_2_NOV, d("2026-11-23")),
                        org.assertj.core.groups.Tuple.tuple(d("2026-11-30"), d("2027-01-04")));
    }

    @Test
    void luxeVerzuimAroundTheChristmasHoliday() {
        // kerstvakantie noord starts Sat 19 Dec: the last lesdag before it is Fri 18 Dec, the first after it
        // Mon 4 Jan 2027. A whole day unexcused on Fri 18 Dec: LUXE, 6 hours; deadline Mon 21 .. Fri 25 Dec
        // (working days are Monday to Friday: the holiday does not pause the duty to report).
        LocalDate vandaag = d("2027-01-08");
        List<Bevinding> luxe = leerling().ongeoorloofd(6, d("2026-12-18")).evalueer(vandaag, Regel.LUXE);
        assertThat(luxe).singleElement().satisfies(b -> {
            assertThat(b.startDatum()).isEqualTo(d("2026-12-18"));
            assertThat(b.uren()).isEqualByComparingTo("6");
            assertThat(b.deadline()).isEqualTo(d("2026-12-25"));
        });
        assertThat(leerling().ongeoorloofd(6, d("2027-01-04")).evalueer(vandaag, Regel.LUXE))
                .extracting(Bevinding::startDatum).containsExactly(d("2027-01-04"));
        // granted leave on that day, or only part of the day: not luxe verzuim
        assertThat(leerling().absent(d("2026-12-18"), Verdict.LEAVE, 1, 2, 3, 4, 5, 6).evalueer(vandaag, Regel.LUXE)).isEmpty();
        assertThat(leerling().ongeoorloofd(5, d("2026-12-18")).evalueer(vandaag, Regel.LUXE)).isEmpty();
    }

    @Test
    void mazlOnTheSeventhConsecutiveLesdag() {
        // sick Mon 2 - Tue 10 Nov: lesdagen 2, 3, 4, 5, 6, 9, 10 (the weekend does not break the episode):
        // the 7th is Tue 10 Nov
        assertThat(leerling().ziek(MA_2_NOV, d("2026-11-10")).evalueer(VR_27_NOV, Regel.MAZL)).singleElement()
                .satisfies(b -> {
                    assertThat(b.signaal()).isEqualTo(Signaal.LONG);
                    assertThat(b.startDatum()).isEqualTo(MA_2_NOV);
                    assertThat(b.eindDatum()).isEqualTo(d("2026-11-10"));
                    assertThat(b.toelichting()).doesNotContain("ZK");
                });
        // six days: not yet
        assertThat(leerling().ziek(MA_2_NOV, d("2026-11-09")).evalueer(VR_27_NOV, Regel.MAZL)).isEmpty();
        // and sick days never count for the legal rule
        assertThat(leerling().ziek(MA_2_NOV, d("2026-11-10")).evalueer(VR_27_NOV, Regel.LEGAL_16H)).isEmpty();
    }

    @Test
    void mazlByFourEpisodesInTwelveLesweken() {
        // single sick days Mon 7 Sep, Mon 21 Sep, Mon 5 Oct, Mon 2 Nov: four episodes. 12 lesweken from 7 Sep:
        // 7, 14, 21, 28 Sep, 5 Oct, (12 Oct herfstvakantie), 19, 26 Oct, 2, 9, 16, 23, 30 Nov -> until Mon 7 Dec.
        // The 4th episode (2 Nov) falls inside: MAZL start 7 Sep, end 2 Nov.
        Leerlingdossier vier = leerling();
        for (String dag : List.of("2026-09-07", "2026-09-21", "2026-10-05", "2026-11-02")) {
            vier.ziek(d(dag), d(dag));
        }
        assertThat(vier.evalueer(VR_27_NOV, Regel.MAZL)).singleElement().satisfies(b -> {
            assertThat(b.signaal()).isEqualTo(Signaal.EPISODES);
            assertThat(b.startDatum()).isEqualTo(d("2026-09-07"));
            assertThat(b.eindDatum()).isEqualTo(MA_2_NOV);
        });
        Leerlingdossier drie = leerling();
        for (String dag : List.of("2026-09-07", "2026-09-21", "2026-11-02")) {
            drie.ziek(d(dag), d(dag));
        }
        assertThat(drie.evalueer(VR_27_NOV, Regel.MAZL)).isEmpty();
    }

    @Test
    void aLesweekWithoutTheStudentsLessonsMakesTheFindingIncomplete() {
        // the window Mon 2 - Sun 29 Nov holds four lesweken; this student's lessons of the week of
        // 16 Nov are missing from the records: the count may be too low, so the finding is marked incomplete
        Bevinding compleet = leerling().ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV)
                .evalueer(VR_27_NOV, Regel.LEGAL_16H).get(0);
        assertThat(compleet.onvolledig()).isFalse();
        Bevinding onvolledig = leerling().zonderLessen(d("2026-11-16"), d("2026-11-20"))
                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV).evalueer(VR_27_NOV, Regel.LEGAL_16H).get(0);
        assertThat(onvolledig.onvolledig()).isTrue();
    }

    @Test
    void aSchoolWithoutLessonDataIsNotIncomplete() {
        // a CSV school without a lessons export: the calendar decides the lesdagen, each absence's own times its
        // length, and no lesson is missing from data that never holds lessons
        Bevinding zonderRooster = leerling().zonderLessen(d("2026-08-01"), d("2027-07-31"))
                .ongeoorloofd(4, MA_2_NOV, DI_3_NOV, WO_4_NOV, DO_5_NOV).evalueer(VR_27_NOV, Regel.LEGAL_16H).get(0);
        assertThat(zonderRooster.onvolledig()).isFalse();
        assertThat(zonderRooster.eindDatum()).isEqualTo(DO_5_NOV);
    }

    @Test
    void theSameRecordsGiveTheSameFindings() {
        Leerlingdossier dossier = leerling().heleDagenOngeoorloofd(MA_2_NOV, d("2026-12-11")).ziek(d("2026-09-07"), d("2026-09-18"));
        assertThat(dossier.evalueer(d("2026-12-11"))).isEqualTo(dossier.evalueer(d("2026-12-11")));
    }

    @Test
    void policyOverridesFromConfiguration() {
        VerzuimBeleid beleid = VerzuimBeleid.from(Eenheid.CLOCK_HOURS, Map.of("signal-hours", "10", "late-count", 4));
        assertThat(beleid.eenheid()).isEqualTo(Eenheid.CLOCK_HOURS);
        assertThat(beleid.signaalUren()).isEqualByComparingTo("10");
        assertThat(beleid.teLaatAantal()).isEqualTo(4);
        assertThat(beleid.sprokkelDagen()).isEqualTo(5);
        assertThat(beleid.deadlineWerkdagen()).isEqualTo(5);
    }
}
