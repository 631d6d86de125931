package nl.lvssync.verzuim.kalender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public holiday feed's shape: regions, "heel Nederland", and dates written as UTC instants of local midnight. */
public class RijksoverheidVakantiesTest {

    public static final String FEED = """
            {"id":"x","type":"schoolholidays","title":"Schoolvakanties 2027-2028","content":[{"title":"Schoolvakanties 2027-2028",
             "schoolyear":"2027-2028","vacations":[
              {"type":"Herfstvakantie ","compulsorydates":"false","regions":[
                {"region":"noord","startdate":"2027-10-15T22:00:00.000Z","enddate":"2027-10-24T00:00:00.000Z"},
                {"region":"midden","startdate":"2027-10-22T22:00:00.000Z","enddate":"2027-10-31T00:00:00.000Z"},
                {"region":"zuid","startdate":"2027-10-22T22:00:00.000Z","enddate":"2027-10-31T00:00:00.000Z"}]},
              {"type":"Kerstvakantie","compulsorydates":"true","regions":[
                {"region":"heel Nederland","startdate":"2027-12-24T23:00:00.000Z","enddate":"2028-01-09T00:00:00.000Z"}]}]}],
             "notice":"..."}
            """;

    @Test
    void readsEveryRegionAndSpreadsHeelNederland() {
        List<RijksoverheidVakanties.Vakantie> vakanties = RijksoverheidVakanties.lees(FEED);

        // 3 regional autumn holidays + Christmas for each of the 3 regions
        assertThat(vakanties).hasSize(6);
        RijksoverheidVakanties.Vakantie herfstNoord = vakanties.get(0);
        assertThat(herfstNoord.schooljaar()).isEqualTo("2027-2028");
        assertThat(herfstNoord.regio()).isEqualTo(Regio.NOORD);
        assertThat(herfstNoord.periode().name()).isEqualTo("Herfstvakantie");
        // 2027-10-15T22:00Z is Saturday 16 October 00:00 in Amsterdam (CEST, +02:00)
        assertThat(herfstNoord.periode().from()).isEqualTo(LocalDate.of(2027, 10, 16));
        assertThat(herfstNoord.periode().to()).isEqualTo(LocalDate.of(2027, 10, 24));
        assertThat(vakanties.stream().filter(v -> v.periode().name().equals("Kerstvakantie")).map(v -> v.regio()))
                .containsExactlyInAnyOrder(Regio.NOORD, Regio.MIDDEN, Regio.ZUID);
        // 2027-12-24T23:00Z is Saturday 25 December 00:00 in Amsterdam (CET, +01:00)
        assertThat(vakanties.get(3).periode().from()).isEqualTo(LocalDate.of(2027, 12, 25));
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

    @Test
    void refusesAFeedItCannotRead() {
        assertThatThrownBy(() -> RijksoverheidVakanties.lees("<html>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RijksoverheidVakanties.lees(
                "{\"content\":[{\"schoolyear\":\"2027-2028\",\"vacations\":[{\"type\":\"X\",\"regions\":[{\"region\":\"oost\","
                        + "\"startdate\":\"2027-10-16\",\"enddate\":\"2027-10-24\"}]}]}]}"))
                .hasMessageContaining("oost");
    }
}
