package nl.lvssync.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import nl.lvssync.school.Lvs;
import nl.lvssync.school.School.Coordinator;
import nl.lvssync.school.School.QuietHours;
import nl.lvssync.school.School.WebhookFormat;
import nl.lvssync.school.School;
import nl.lvssync.time.ClockConfig;
import org.junit.jupiter.api.Test;

/** Who is told (location, class prefixes, the actor) and when (quiet hours), without a Spring context. */
class RoutingAndQuietHoursTest {

    static final Coordinator ALL = coordinator("all", List.of(), List.of());
    static final Coordinator LOWER = coordinator("lower", List.of(), List.of("1*", "2*"));
    static final Coordinator UPPER_MAIN = coordinator("upper", List.of("Hoofdlocatie"), List.of("3*", "4a"));
    static final Coordinator ANNEX = coordinator("annex", List.of("Dependance"), List.of());

    static Coordinator coordinator(String username, List<String> locations, List<String> classes) {
        return new Coordinator(username, username + "@school.example", username, null, null, WebhookFormat.GENERIC,
                locations, classes);
    }

    static School school(Coordinator... coordinators) {
        return new School("01AA00", "School", Lvs.CSV, null, null, null, null, List.of(), null, null, null,
                List.of(coordinators), 36, 6, null, null, null, null, null, null, null);
    }

    @Test
    void coordinatorsAreChosenByLocationAndClassPrefix() {
        School school = school(ALL, LOWER, UPPER_MAIN, ANNEX);
        assertThat(CoordinatorRouting.recipients(school, "hoofdlocatie", "3B", "system")).containsExactly(ALL, UPPER_MAIN);
        assertThat(CoordinatorRouting.recipients(school, "Hoofdlocatie", "4a", null)).containsExactly(ALL, UPPER_MAIN);
        assertThat(CoordinatorRouting.recipients(school, "Hoofdlocatie", "4b", null)).containsExactly(ALL);
        assertThat(CoordinatorRouting.recipients(school, "Dependance", "1c", null)).containsExactly(ALL, LOWER, ANNEX);
        assertThat(CoordinatorRouting.recipients(school, null, null, null)).as("a school-level alert")
                .containsExactly(ALL, LOWER, UPPER_MAIN, ANNEX);
    }

    @Test
    void theActorIsLeftOutAndAnAlertNobodyMatchesGoesToEveryoneElse() {
        School school = school(LOWER, UPPER_MAIN);
        assertThat(CoordinatorRouting.recipients(school, "Hoofdlocatie", "3a", "upper")).isEmpty();
        assertThat(CoordinatorRouting.recipients(school, "Elders", "5x", null)).containsExactly(LOWER, UPPER_MAIN);
        assertThat(CoordinatorRouting.recipients(school, "Elders", "5x", "LOWER")).containsExactly(UPPER_MAIN);
    }

    @Test
    void quietHoursOverMidnightEndAtTheirToTime() {
        QuietHours quiet = QuietHours.DEFAULT; // 22:00-07:00
        assertThat(QuietHoursPolicy.quietUntil(quiet, local("2026-11-20T21:59"))).isEmpty();
        assertThat(QuietHoursPolicy.quietUntil(quiet, local("2026-11-20T22:00"))).contains(local("2026-11-21T07:00"));
        assertThat(QuietHoursPolicy.quietUntil(quiet, local("2026-11-21T03:00"))).contains(local("2026-11-21T07:00"));
        assertThat(QuietHoursPolicy.quietUntil(quiet, local("2026-11-21T07:00"))).isEmpty();
        // the night summer time starts: 07:00 is still 07:00 local
        assertThat(QuietHoursPolicy.quietUntil(quiet, local("2026-03-28T23:30"))).contains(local("2026-03-29T07:00"));
    }

    @Test
    void quietHoursWithinADayAndNoQuietHours() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(QuietHoursPolicy.quietUntil(lunch, local("2026-11-20T12:30"))).contains(local("2026-11-20T13:00"));
        assertThat(QuietHoursPolicy.quietUntil(lunch, local("2026-11-20T23:00"))).isEmpty();
        assertThat(QuietHoursPolicy.quietUntil(new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT),
                local("2026-11-20T23:00"))).isEmpty();
    }

    @Test
    void namesAreShortenedToInitialAndSurname() {
        assertThat(StudentNames.shortName("jan", "de", "Vries", null)).isEqualTo("J. de Vries");
        assertThat(StudentNames.shortName(null, null, null, "Fatima Bakker")).isEqualTo("F. Bakker");
        assertThat(StudentNames.shorten("Bakker")).isEqualTo("Bakker");
    }

    static Instant local(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(ClockConfig.AMSTERDAM).toInstant();
    }
}
