package nl.lvssync.sync;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.lvssync.school.School;
import nl.lvssync.school.SchoolDirectory;
import nl.lvssync.web.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The sync module's endpoints on their own: runs, quarantine and a student's absences; the module is mocked. */
@WebSliceTest(controllers = {SyncRunController.class, QuarantineController.class, StudentController.class})
class SyncControllersTest {

    static final String MINE = WebSliceTest.SCHOOL;

    @Autowired
    MockMvc mvc;
    @MockitoBean
    SyncRequests requests;
    @MockitoBean
    SyncRunRepository runs;
    @MockitoBean
    QuarantineRepository quarantine;
    @MockitoBean
    Students students;
    @MockitoBean
    SchoolDirectory schools;
    @MockitoBean
    nl.lvssync.audit.AuditLog audit;

    static SyncRun run(long id, SyncStatus status) {
        return new SyncRun(id, MINE, status, "API", LocalDate.of(2026, 10, 5), LocalDate.of(2026, 11, 20),
                Instant.parse("2026-11-20T10:00:00Z"), status == SyncStatus.RUNNING ? null : Instant.parse("2026-11-20T10:01:00Z"),
                new SyncRun.Counts(3, 40, 5, 1, 2, 1, 0), null);
    }

    @Test
    void runsAreForAdministrators() throws Exception {
        mvc.perform(get("/api/sync-runs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/sync-runs").with(httpBasic("coord", "secret"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/quarantine").with(httpBasic("coord", "secret"))).andExpect(status().isForbidden());
    }

    @Test
    void aStartedRunIsAcceptedAnUnknownSchoolIsNotFoundABusyOneAConflict() throws Exception {
        when(schools.find(MINE)).thenReturn(Optional.of(mock(School.class)));
        when(requests.request(MINE, "API")).thenReturn(run(7, SyncStatus.RUNNING))
                .thenThrow(new SchoolAlreadySyncingException(MINE, 7));

        mvc.perform(post("/api/sync-runs").contentType("application/json").content("{\"school\":\"" + MINE + "\"}")
                        .with(httpBasic("admin", "secret")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(7))
                .andExpect(jsonPath("$.status").value("RUNNING"));
        mvc.perform(post("/api/sync-runs").contentType("application/json").content("{\"school\":\"" + MINE + "\"}")
                        .with(httpBasic("admin", "secret")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value("school " + MINE + " is already syncing (run 7)"))
                .andExpect(jsonPath("$.error").value("school " + MINE + " is already syncing (run 7)"));
        mvc.perform(post("/api/sync-runs").contentType("application/json").content("{\"school\":\"NOPE\"}")
                        .with(httpBasic("admin", "secret")))
                .andExpect(status().isNotFound());
        when(requests.requestAll("API")).thenReturn(List.of());
        mvc.perform(post("/api/sync-runs").with(httpBasic("admin", "secret"))).andExpect(status().isConflict());
    }

    @Test
    void aRunShowsTheContractsShapeInAmsterdamTime() throws Exception {
        when(runs.find(7)).thenReturn(Optional.of(run(7, SyncStatus.PARTIAL)));

        mvc.perform(get("/api/sync-runs/7").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PARTIAL"))
                .andExpect(jsonPath("$.startedAt").value("2026-11-20T11:00:00+01:00"))
                .andExpect(jsonPath("$.counts.quarantined").value(1))
                .andExpect(jsonPath("$.changes.created").value(2))
                .andExpect(jsonPath("$.windowFrom").value("2026-10-05"));
        mvc.perform(get("/api/sync-runs/8").with(httpBasic("admin", "secret"))).andExpect(status().isNotFound());
    }

    @Test
    void aRunningRunHasEveryFieldOfTheContractNullWhereNotKnownYet() throws Exception {
        when(runs.find(9)).thenReturn(Optional.of(run(9, SyncStatus.RUNNING)));

        mvc.perform(get("/api/sync-runs/9").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(9))
                .andExpect(jsonPath("$.school").value(MINE))
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.counts.students").value(3))
                .andExpect(jsonPath("$.counts.lessons").value(40))
                .andExpect(jsonPath("$.counts.absences").value(5))
                .andExpect(result -> {
                    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.getResponse().getContentAsString());
                    for (String field : java.util.List.of("finishedAt", "error")) {
                        org.assertj.core.api.Assertions.assertThat(json.has(field)).as(field).isTrue();
                        org.assertj.core.api.Assertions.assertThat(json.get(field).isNull()).as(field).isTrue();
                    }
                });
    }

    @Test
    void listsAreBounded() throws Exception {
        // below 1 is a mistake the caller hears of; above the maximum is the maximum
        mvc.perform(get("/api/sync-runs").param("limit", "0").with(httpBasic("admin", "secret")))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value("limit must be at least 1, not 0"));
        mvc.perform(get("/api/sync-runs").param("limit", "1").with(httpBasic("admin", "secret"))).andExpect(status().isOk());
        verify(runs).recent(null, 1);
        mvc.perform(get("/api/quarantine").param("school", MINE).param("limit", "100000").with(httpBasic("admin", "secret")))
                .andExpect(status().isOk());
        verify(quarantine).list(MINE, 5000);
    }

    @Test
    void aQuarantinedRecordShowsWhyItFailedValidation() throws Exception {
        when(quarantine.list(MINE, 500)).thenReturn(List.of(new QuarantineRepository.QuarantinedRecord(1, MINE, 7L, "ABSENCE",
                "a-17", "3001", "absence a-17 has no date", "{}", null, null, 2)));

        mvc.perform(get("/api/quarantine").param("school", MINE).with(httpBasic("admin", "secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].school").value(MINE))
                .andExpect(jsonPath("$[0].recordType").value("ABSENCE"))
                .andExpect(jsonPath("$[0].reason").value("absence a-17 has no date"));
    }

    @Test
    void aStudentsAbsencesAreForTheirSchoolOnly() throws Exception {
        when(schools.find(MINE)).thenReturn(Optional.of(mock(School.class)));
        when(students.find(MINE, "3001")).thenReturn(Optional.of(new StudentRecord("3001", null, "Noor", "de", "Wit", null,
                "2c", null, null, null, null, null, null)));

        mvc.perform(get("/api/schools/03AB00/students/3001/absences").with(httpBasic("coord", "secret")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/schools/" + MINE + "/students/4004/absences").with(httpBasic("coord", "secret")))
                .andExpect(status().isNotFound());
        verify(students, never()).absences(eq("03AB00"), any(), any(), any());
        mvc.perform(get("/api/schools/" + MINE + "/students/3001/absences").param("from", "2026-11-01")
                        .with(httpBasic("coord", "secret")))
                .andExpect(status().isOk());
        verify(students).absences(MINE, "3001", LocalDate.of(2026, 11, 1), LocalDate.of(9999, 12, 31));
    }
}
