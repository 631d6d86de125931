package nl.lvssync.alert;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The alert endpoints on their own: who may see and do what, and how answers look; the alert module is mocked. */
@WebSliceTest(controllers = {AlertController.class, AlertPageController.class, EvaluationController.class})
class AlertControllersTest {

    static final String MINE = WebSliceTest.SCHOOL;
    static final String OTHER = "03AB00";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AlertRepository alerts;
    @MockitoBean
    AlertActions actions;
    @MockitoBean
    DuoMeldingen meldingen;
    @MockitoBean
    SchoolDirectory schools;
    @MockitoBean
    AlertEvaluation evaluation;
    @MockitoBean
    nl.lvssync.audit.AuditLog audit;
    @MockitoBean
    OppAlerts oppAlerts;

    @org.springframework.boot.test.context.TestConfiguration
    static class Config {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return java.time.Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), java.time.ZoneId.of("Europe/Amsterdam"));
        }

        @org.springframework.context.annotation.Bean
        AlertLabels alertLabels() {
            return new AlertLabels();
        }
    }

    static AlertView view(String id, String school, String rule, String explanation) {
        return new AlertView(id, school, new AlertView.Student("3001", "Noor de Wit", "2c"), rule, null,
                LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 19), 16.0, LocalDate.of(2026, 11, 26), "OPEN", false,
                false, false, null, null, null, explanation, null, null, null);
    }

    static StoredAlert stored(String id, String school, String rule) {
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        return new StoredAlert(id, school, "3001", rule, "", LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 19),
                new BigDecimal("16.00"), LocalDate.of(2026, 11, 26), null, null, AlertStatus.OPEN, false, false, null, null,
                null, now, now, null);
    }

    void known(String id, String school, String rule) {
        when(alerts.view(id)).thenReturn(Optional.of(view(id, school, rule, "uitleg")));
        when(alerts.find(id)).thenReturn(Optional.of(stored(id, school, rule)));
    }

    @Test
    void theApiAsksForCredentials() throws Exception {
        mvc.perform(get("/api/alerts")).andExpect(status().isUnauthorized());
    }

    @Test
    void aCoordinatorListsOnlyTheirOwnSchoolsAndAnAdministratorAll() throws Exception {
        when(alerts.list(any(), any(), any(), any(), any(), anyInt())).thenReturn(List.of(view("a1", MINE, "LEGAL_16H", null)));

        mvc.perform(get("/api/alerts").param("rule", " legal_16h ").param("limit", "99999").with(httpBasic("coord", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value("a1"))
                .andExpect(jsonPath("$[0].student.class").value("2c"));
        verify(alerts).list(eq(Set.of(MINE)), eq(List.of()), eq(List.of("LEGAL_16H")), eq(List.of()), isNull(), eq(5000));

        mvc.perform(get("/api/alerts").with(httpBasic("admin", "secret"))).andExpect(status().isOk());
        verify(alerts).list(isNull(), eq(List.of()), eq(List.of()), eq(List.of()), isNull(), eq(500));
    }

    @Test
    void anAlertHasEveryFieldOfTheContractNullWhereItHasNoValue() throws Exception {
        AlertView lrv = new AlertView("l1", MINE, new AlertView.Student("3001", "Noor de Wit", null), "LRV", null,
                LocalDate.of(2026, 11, 16), null, null, null, "OPEN", false, false, false, null, null, null, null, null, null, null);
        when(alerts.list(any(), any(), any(), any(), any(), anyInt())).thenReturn(List.of(lrv));

        String body = mvc.perform(get("/api/alerts").with(httpBasic("admin", "secret"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var alert = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get(0);
        for (String field : List.of("id", "school", "student", "rule", "startDate", "endDate", "hours", "deadline", "status",
                "incomplete", "createdAt", "updatedAt")) {
            org.assertj.core.api.Assertions.assertThat(alert.has(field)).as(field).isTrue();
        }
        for (String field : List.of("lvsId", "name", "class")) {
            org.assertj.core.api.Assertions.assertThat(alert.get("student").has(field)).as("student." + field).isTrue();
        }
        org.assertj.core.api.Assertions.assertThat(alert.get("endDate").isNull()).isTrue();
        org.assertj.core.api.Assertions.assertThat(alert.get("hours").isNull()).isTrue();
        org.assertj.core.api.Assertions.assertThat(alert.get("incomplete").asBoolean(true)).isFalse();
        org.assertj.core.api.Assertions.assertThat(alert.has("signal")).isFalse();
    }

    @Test
    void schoolRuleAndStatusTakeCommaListsAndRepeatedValues() throws Exception {
        when(alerts.list(any(), any(), any(), any(), any(), anyInt())).thenReturn(List.of());

        mvc.perform(get("/api/alerts").param("status", "OPEN,acknowledged").param("rule", "LEGAL_16H, LRV,")
                        .param("school", "A1,B2").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk());
        verify(alerts).list(isNull(), eq(List.of("A1", "B2")), eq(List.of("LEGAL_16H", "LRV")),
                eq(List.of("OPEN", "ACKNOWLEDGED")), isNull(), eq(500));

        mvc.perform(get("/api/alerts").param("status", "REPORTED").param("status", "CLOSED").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk());
        verify(alerts).list(isNull(), eq(List.of()), eq(List.of()), eq(List.of("REPORTED", "CLOSED")), isNull(), eq(500));
    }

    @Test
    void anUnknownValueInACommaListIsA400NamingIt() throws Exception {
        mvc.perform(get("/api/alerts").param("status", "OPEN,LOST").with(httpBasic("admin", "secret")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("unknown status 'LOST'")));
        mvc.perform(get("/api/alerts").param("rule", "LRV,R99").with(httpBasic("admin", "secret")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("unknown rule 'R99'")));
        verify(alerts, never()).list(any(), any(), any(), any(), any(), anyInt());
    }

    @Test
    void anotherSchoolsAlertIsNotFoundForACoordinator() throws Exception {
        known("a9", OTHER, "LEGAL_16H");

        mvc.perform(get("/api/alerts/a9").with(httpBasic("coord", "secret"))).andExpect(status().isNotFound());
        mvc.perform(get("/alerts/a9").with(httpBasic("coord", "secret"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/alerts/a9/acknowledge").with(httpBasic("coord", "secret"))).andExpect(status().isNotFound());
        verify(actions, never()).apply(any(), any(), any(), any(), any());
        mvc.perform(get("/api/alerts/a9").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.school").value(OTHER))
                .andExpect(jsonPath("$.records").isArray())
                .andExpect(jsonPath("$.history").isArray());
    }

    @Test
    void anActionTheStatusDoesNotAllowIsAConflict() throws Exception {
        known("a1", MINE, "LEGAL_16H");
        doThrow(new IllegalStateException("alert a1 is CLOSED: it cannot be acknowledged now"))
                .when(actions).apply(any(), eq(AlertActions.Action.ACKNOWLEDGE), eq("coord"), eq("gezien"), isNull());

        mvc.perform(post("/api/alerts/a1/acknowledge").contentType("application/json").content("{\"note\":\"gezien\"}")
                        .with(httpBasic("coord", "secret")))
                .andExpect(status().isConflict());
    }

    @Test
    void onlyAMeldingRuleExportsToDuoAndTheExportIsNeverCached() throws Exception {
        known("s1", MINE, "SIGNAL");
        known("m1", MINE, "LEGAL_16H");
        DuoMelding melding = new DuoMelding("m1", MINE, "Diamant College", "Noor de Wit", "5001", LocalDate.of(2011, 3, 7),
                "123456782", "2c", "Ongeoorloofd verzuim", LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 19), 16.0, null,
                List.of(LocalDate.of(2026, 11, 16)), "coord (Diamant College)", LocalDate.of(2026, 11, 26));
        when(meldingen.forAlert(org.mockito.ArgumentMatchers.argThat(a -> a != null && "LEGAL_16H".equals(a.rule())), eq("coord")))
                .thenReturn(melding);
        when(meldingen.forAlert(org.mockito.ArgumentMatchers.argThat(a -> a != null && "SIGNAL".equals(a.rule())), eq("coord")))
                .thenThrow(new IllegalStateException("SIGNAL is not a melding to DUO"));

        mvc.perform(get("/api/alerts/s1/melding.csv").with(httpBasic("coord", "secret"))).andExpect(status().isConflict());
        mvc.perform(get("/api/alerts/m1/melding.csv").with(httpBasic("coord", "secret")))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"melding-m1.csv\""))
                .andExpect(content().string(containsString("123456782")));
    }

    @Test
    void theAlertPageEscapesWhatItShows() throws Exception {
        when(alerts.view("a1")).thenReturn(Optional.of(view("a1", MINE, "LEGAL_16H", "<script>alert(1)</script>")));

        mvc.perform(get("/alerts/a1").with(httpBasic("coord", "secret")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))));
    }

    @Test
    void aFullReEvaluationIsForAdministratorsOfAKnownSchool() throws Exception {
        when(schools.find(MINE)).thenReturn(Optional.of(org.mockito.Mockito.mock(nl.lvssync.school.School.class)));
        when(evaluation.evaluate(MINE, true)).thenReturn(new AlertEvaluation.Result(MINE, 3, 0, 1, 0, 0, 0, false));

        mvc.perform(post("/api/schools/" + MINE + "/evaluate").with(httpBasic("coord", "secret"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/schools/NOPE/evaluate").with(httpBasic("admin", "secret"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/schools/" + MINE + "/evaluate").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.students").value(3))
                .andExpect(jsonPath("$.raised").value(1));
    }
}
