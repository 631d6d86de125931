package nl.lvssync.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import nl.lvssync.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/** The holiday import endpoint on its own: administrators only, bad input a 400, and the rules are told. */
@WebSliceTest(controllers = HolidayController.class)
@RecordApplicationEvents
class HolidayControllerTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationEvents events;
    @MockitoBean
    HolidayFeedImport feed;

    @Test
    void anImportTellsTheRulesThatTheCalendarChanged() throws Exception {
        when(feed.importSchoolYear("2027-2028")).thenReturn(List.of());

        mvc.perform(post("/api/holidays/import").param("schoolYear", "2027-2028").with(httpBasic("coord", "secret")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/holidays/import").param("schoolYear", "2027-2028").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk());

        assertThat(events.stream(HolidaysImported.class)).containsExactly(new HolidaysImported("2027-2028", 0));
    }

    @Test
    void aBadSchoolYearIsABadRequestAndChangesNothing() throws Exception {
        when(feed.importSchoolYear("next")).thenThrow(new IllegalArgumentException("schoolYear must look like 2027-2028"));

        mvc.perform(post("/api/holidays/import").param("schoolYear", "next").with(httpBasic("admin", "secret")))
                .andExpect(status().isBadRequest());

        assertThat(events.stream(HolidaysImported.class)).isEmpty();
    }
}
