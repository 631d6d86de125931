package nl.lvssync.verzuim.kalender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lesdagen, lesweken, windows and deadlines of a school in region noord, 2026-2027. */
class SchoolKalenderTest {

    final SchoolKalender noord = SchoolKalender.voorRegio(Regio.NOORD, List.of(), Set.of());

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void holidaysAndDaysOff() {
        // herfstvakantie noord Sat 10 - Sun 18 Oct 2026: its week is no lesweek; zuid has it a week later
        assertThat(noord.isLesweek(d("2026-10-14"))).isFalse();
        assertThat(noord.isLesweek(d("2026-10-21"))).isTrue();
        assertThat(SchoolKalender.voorRegio(Regio.ZUID, List.of(), Set.of()).isLesweek(d("2026-10-14"))).isTrue();
        // Koningsdag Tue 27 Apr 2027 and Hemelvaart Thu 6 + Fri 7 May 2027 (Easter 28 Mar) are days off, but the
        // week of 3 May still has lesdagen (Mon - Wed), so it is a lesweek
        assertThat(noord.isLesdag(d("2027-04-27"))).isFalse();
        assertThat(noord.isLesdag(d("2027-05-06"))).isFalse();
        assertThat(noord.isLesdag(d("2027-05-07"))).isFalse();
        assertThat(noord.isLesdag(d("2027-05-05"))).isTrue();
        assertThat(noord.isLesweek(d("2027-05-03"))).isTrue();
        assertThat(noord.isLesdag(d("2026-11-21"))).isFalse();
    }

    @Test
    void aLesdagBetweenTwoDaysExclusiveOfBoth() {
        // Fri 9 Oct 2026 and Mon 19 Oct: only the herfstvakantie (noord) between them; Fri 16 Oct and Tue 20 Oct: Mon 19
        assertThat(noord.lesdagTussen(d("2026-10-09"), d("2026-10-19"))).isFalse();
        assertThat(noord.lesdagTussen(d("2026-10-16"), d("2026-10-20"))).isTrue();
        assertThat(noord.lesdagTussen(d("2026-11-20"), d("2026-11-23"))).as("a weekend").isFalse();
        assertThat(noord.lesdagTussen(d("2026-11-23"), d("2026-11-24"))).as("next days").isFalse();
        assertThat(noord.lesdagTussen(d("2026-11-23"), d("2026-11-25"))).isTrue();
        // Koningsdag Tue 27 Apr 2027 is no lesdag
        assertThat(noord.lesdagTussen(d("2027-04-26"), d("2027-04-28"))).isFalse();
    }

    @Test
    void aSchoolsOwnDaysOffAndItsLessons() {
        // a study day on Wed 25 Nov, and a school whose lesson data shows no lessons at all on Fri 27 Nov
        SchoolKalender eigen = SchoolKalender.voorRegio(Regio.NOORD,
                List.of(new Schoolvakantie("Studiedag", d("2026-11-25"), d("2026-11-25"))),
                Set.of(d("2026-11-23"), d("2026-11-24"), d("2026-11-26"), d("2026-11-30")));
        assertThat(eigen.isLesdag(d("2026-11-25"))).isFalse();
        assertThat(eigen.isLesdag(d("2026-11-27"))).isFalse();
        // outside the period the lesson data covers, the holiday calendar decides
        assertThat(eigen.isLesdag(d("2026-12-07"))).isTrue();
    }

    @Test
    void windowsOfFourLesweken() {
        // from Mon 28 Sep: 28 Sep, 5 Oct, (12 Oct holiday), 19 Oct, 26 Oct -> exclusive end Mon 2 Nov
        assertThat(noord.vensterEinde(d("2026-09-28"), 4)).isEqualTo(d("2026-11-02"));
        // from Wed 4 Nov: the weeks of 2, 9, 16, 23 Nov -> Wed 2 Dec
        assertThat(noord.vensterEinde(d("2026-11-04"), 4)).isEqualTo(d("2026-12-02"));
        // from Wed 9 Dec: the weeks of 7 and 14 Dec, (21 and 28 Dec kerstvakantie: +14 days), 4 and 11 Jan ->
        // six calendar weeks later, Wed 20 Jan 2027
        assertThat(noord.vensterEinde(d("2026-12-09"), 4)).isEqualTo(d("2027-01-20"));
        // the spec's example: from Fri 26 Sep 2025 the weeks of 29 Sep, 6 and 13 Oct count, 20 Oct (herfstvakantie
        // noord 18 - 26 Oct 2025) does not, 27 Oct does: ends before Fri 31 Oct, 20 lesdagen like a window without days off
        assertThat(noord.vensterEinde(d("2025-09-26"), 4)).isEqualTo(d("2025-10-31"));
        assertThat(noord.lesdagen(d("2025-09-26"), d("2025-10-31"))).hasSize(20);
        // A's own week never counts, also when A is a Monday: from Mon 14 Sep 2026 the weeks of 21 and 28 Sep, 5 Oct,
        // (12 Oct holiday), 19 Oct -> Mon 19 Oct
        assertThat(noord.vensterEinde(d("2026-09-14"), 4)).isEqualTo(d("2026-10-19"));
        // MAZL's 12 lesweken use the same definition: from Fri 13 Feb 2026 the weeks of 16 Feb, (23 Feb voorjaarsvakantie),
        // 2, 9, 16, 23, 30 Mar, 6, 13, 20 Apr, (27 Apr meivakantie), 4, 11, 18 May -> Fri 22 May
        assertThat(noord.vensterEinde(d("2026-02-13"), 12)).isEqualTo(d("2026-05-22"));
        // without holidays the same start ends four calendar weeks later
        assertThat(SchoolKalender.of(List.of(), Set.of()).vensterEinde(d("2026-09-28"), 4)).isEqualTo(d("2026-10-26"));
    }

    @Test
    void deadlinesAndSchoolYears() {
        // 5 working days after Thu 5 Nov: Fri 6, Mon 9, Tue 10, Wed 11, Thu 12
        assertThat(SchoolKalender.werkdagenNa(d("2026-11-05"), 5)).isEqualTo(d("2026-11-12"));
        assertThat(SchoolKalender.werkdagenNa(d("2026-11-06"), 1)).isEqualTo(d("2026-11-09"));
        assertThat(SchoolKalender.schooljaarStart(d("2026-07-31"))).isEqualTo(d("2025-08-01"));
        assertThat(SchoolKalender.schooljaarStart(d("2026-08-01"))).isEqualTo(d("2026-08-01"));
    }

    @Test
    void aSchoolsOwnHolidayOverridesTheRegionalOne() {
        // the school takes its autumn holiday a week later than the region (dates are advisory)
        SchoolKalender later = SchoolKalender.voorRegio(Regio.NOORD,
                List.of(new Schoolvakantie("Herfstvakantie", d("2026-10-17"), d("2026-10-25"))), Set.of());
        assertThat(later.isLesweek(d("2026-10-14"))).isTrue();
        assertThat(later.isLesweek(d("2026-10-21"))).isFalse();
    }
}
