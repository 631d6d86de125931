package nl.lvssync.verzuim.kalender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The public holiday feed as schoolvakanties.md describes it: regions, "heel Nederland", whitespace in type strings,
 * the object and the array form, and dates meant as the date part as written (local dates with a Z).
 */
public class RijksoverheidVakantiesTest {

    public static final String FEED = """
            {"id":"x","type":"schoolholidays","title":"Schoolvakanties 2027-2028","content":[{"title":"Schoolvakanties 2027-2028",
             "schoolyear":"2027-2028","vacations":[
              {"type":"\\n Herfstvakantie \\n","compulsorydates":"false","regions":[
                {"region":"noord","startdate":"2027-10-16T00:00:00.000Z","enddate":"2027-10-24T21:59:00.000Z"},
                {"region":"midden","startdate":"2027-10-23T00:00:00.000Z","enddate":"2027-10-31T22:59:00.000Z"},
                {"region":"zuid","startdate":"2027-10-23T00:00:00.000Z","enddate":"2027-10-31T22:59:00.000Z"}]},
              {"type":"Kerstvakantie","compulsorydates":"true","regions":[
                {"region":"heel Nederland","startdate":"2027-12-25T00:00:00.000Z","enddate":"2028-01-09T22:59:00.000Z"}]}]}],
             "notice":"..."}
            """;

    /** The midden/zuid autumn holiday 2023 as the feed writes it: the end is Sunday 22 October at "22:59Z". */
    static final String HERFST_2023 = """
            {"content":[{"schoolyear":"2023-2024","vacations":[{"type":"Herfstvakantie","compulsorydates":"false","regions":[
              {"region":"midden","startdate":"2023-10-14T00:00:00.000Z","enddate":"2023-10-22T22:59:00.000Z"},
              {"region":"zuid","startdate":"2023-10-14T00:00:00.000Z","enddate":"2023-10-22T22:59:00.000Z"}]}]}]}
            """;

    @Test
    void readsEveryRegionAndSpreadsHeelNederland() {
        List<RijksoverheidVakanties.Vakantie> vakanties = RijksoverheidVakanties.lees(FEED);

        // 3 regional autumn holidays + Christmas for each of the 3 regions
        assertThat(vakanties).hasSize(6);
        RijksoverheidVakanties.Vakantie herfstNoord = vakanties.get(0);
        assertThat(herfstNoord.schooljaar()).isEqualTo("2027-2028");
        assertThat(herfstNoord.regio()).isEqualTo(Regio.NOORD);
        assertThat(herfstNoord.periode().name()).as("whitespace in the type is trimmed").isEqualTo("Herfstvakantie");
        assertThat(herfstNoord.periode().from()).isEqualTo(LocalDate.of(2027, 10, 16));
        // "2027-10-24T21:59Z" is Sunday 24 October as written, not the instant's Amsterdam date
        assertThat(herfstNoord.periode().to()).isEqualTo(LocalDate.of(2027, 10, 24));
        assertThat(vakanties.stream().filter(v -> v.periode().name().equals("Kerstvakantie")).map(v -> v.regio()))
                .containsExactlyInAnyOrder(Regio.NOORD, Regio.MIDDEN, Regio.ZUID);
        assertThat(vakanties.get(3).periode().from()).isEqualTo(LocalDate.of(2027, 12, 25));
        assertThat(vakanties.get(3).periode().to()).isEqualTo(LocalDate.of(2028, 1, 9));
    }

    @Test
    void theDateIsTheDatePartAsWrittenSoTheAutumnHoliday2023EndsOnSunday() {
        List<RijksoverheidVakanties.Vakantie> vakanties = RijksoverheidVakanties.lees(HERFST_2023);

        assertThat(vakanties).hasSize(2);
        for (RijksoverheidVakanties.Vakantie v : vakanties) {
            assertThat(v.periode().from()).isEqualTo(LocalDate.of(2023, 10, 14));
            assertThat(v.periode().to()).isEqualTo(LocalDate.of(2023, 10, 22));
            assertThat(v.periode().to().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        }
        SchoolKalender midden = SchoolKalender.voorRegio(Regio.MIDDEN,
                vakanties.stream().filter(v -> v.regio() == Regio.MIDDEN).map(RijksoverheidVakanties.Vakantie::periode).toList(),
                List.of(), Set.of());
        assertThat(midden.isLesdag(LocalDate.of(2023, 10, 20))).isFalse();
        assertThat(midden.isLesdag(LocalDate.of(2023, 10, 23))).as("Monday 23 October is a school day").isTrue();
    }

    @Test
    void readsTheArrayFormOfTheListEndpoint() {
        List<RijksoverheidVakanties.Vakantie> vakanties = RijksoverheidVakanties.lees("[" + FEED + "]");

        assertThat(vakanties).hasSize(6);
        assertThat(vakanties).isEqualTo(RijksoverheidVakanties.lees(FEED));
        // the list endpoint answers several school years: another year's periods are not this import's business
        String twoYears = "[" + FEED + "," + feed("2026-2027", "Herfstvakantie", "noord", "2026-10-10", "2027-10-10") + "]";
        assertThat(RijksoverheidVakanties.lees(twoYears, "2027-2028")).hasSize(6);
    }

    @Test
    void refusesImplausiblePeriodsNamingThem() {
        assertThatThrownBy(() -> RijksoverheidVakanties.lees(feed("2026-2027", "Herfstvakantie", "noord", "2026-10-17", "2027-10-16")))
                .isInstanceOf(RijksoverheidVakanties.OngeldigeFeed.class)
                .hasMessageContaining("Herfstvakantie noord 2026-2027").hasMessageContaining("longer than 3 weeks");
        assertThatThrownBy(() -> RijksoverheidVakanties.lees(feed("2026-2027", "Herfstvakantie", "zuid", "2026-10-25", "2026-10-17")))
                .hasMessageContaining("Herfstvakantie zuid 2026-2027").hasMessageContaining("before it starts");
        assertThatThrownBy(() -> RijksoverheidVakanties.lees(feed("2026-2027", "Voorjaarsvakantie", "midden", "2029-02-17", "2029-02-25")))
                .hasMessageContaining("Voorjaarsvakantie midden 2026-2027").hasMessageContaining("outside its school year");
        assertThatThrownBy(() -> RijksoverheidVakanties.lees(feed("2026-2027", "Zomervakantie", "noord", "2027-07-03", "2027-08-29")))
                .hasMessageContaining("Zomervakantie noord 2026-2027").hasMessageContaining("longer than 7 weeks");
        // a summer holiday of 7 weeks, and one of 3 weeks for the others, are fine
        assertThat(RijksoverheidVakanties.lees(feed("2026-2027", "Zomervakantie", "noord", "2027-07-10", "2027-08-27"))).hasSize(1);
        assertThat(RijksoverheidVakanties.lees(feed("2026-2027", "Kerstvakantie", "noord", "2026-12-19", "2027-01-08"))).hasSize(1);
    }

    @Test
    void refusesAFeedItCannotRead() {
        assertThatThrownBy(() -> RijksoverheidVakanties.lees("<html>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RijksoverheidVakanties.lees(feed("2027-2028", "X", "oost", "2027-10-16", "2027-10-24")))
                .hasMessageContaining("oost");
        assertThatThrownBy(() -> RijksoverheidVakanties.lees(feed("2027-2028", "Herfstvakantie", "noord", "16-10-2027", "2027-10-24")))
                .isInstanceOf(RijksoverheidVakanties.OngeldigeFeed.class)
                .hasMessageContaining("Herfstvakantie noord").hasMessageContaining("startdate '16-10-2027'");
        assertThatThrownBy(() -> RijksoverheidVakanties.lees(feed("2027-2028", "Herfstvakantie", "noord", "2027-10-16", "soon")))
                .hasMessageContaining("enddate");
    }

    @Test
    void importedHolidaysReplaceTheShippedOnesOfTheirSchoolYear() {
        // shipped: herfst noord 2026-10-10..18; imported for the same school year: a week later
        Schoolvakantie imported = new Schoolvakantie("Herfstvakantie", LocalDate.of(2026, 10, 17), LocalDate.of(2026, 10, 25));
        SchoolKalender kalender = SchoolKalender.voorRegio(Regio.NOORD, List.of(imported), List.of(), Set.of());

        assertThat(kalender.isLesdag(LocalDate.of(2026, 10, 12))).isTrue();
        assertThat(kalender.isLesdag(LocalDate.of(2026, 10, 19))).isFalse();
        // other school years keep the shipped table: kerst 2025 is still free
        assertThat(kalender.isLesdag(LocalDate.of(2025, 12, 22))).isFalse();
    }

    /** A feed of one holiday in one region; dates as the feed writes them. */
    public static String feed(String schoolYear, String type, String region, String start, String end) {
        return "{\"content\":[{\"schoolyear\":\"" + schoolYear + "\",\"vacations\":[{\"type\":\"" + type
                + "\",\"compulsorydates\":\"false\",\"regions\":[{\"region\":\"" + region + "\",\"startdate\":\""
                + (start.length() == 10 && start.charAt(4) == '-' ? start + "T00:00:00.000Z" : start) + "\",\"enddate\":\""
                + (end.length() == 10 && end.charAt(4) == '-' ? end + "T21:59:00.000Z" : end) + "\"}]}]}]}";
    }
}
