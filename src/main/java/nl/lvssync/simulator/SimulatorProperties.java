package nl.lvssync.simulator;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code lvs-sync.simulator.*}: the built-in simulated LVS that schools with {@code lvs: simulator} are read
 * from. The defaults are in application.yml, which enables it for the demo schools.
 *
 * @param schoolStudents per school id, a size other than {@code students-per-school}
 */
@ConfigurationProperties("lvs-sync.simulator")
public record SimulatorProperties(
        boolean enabled,
        long seed,
        String host,
        int port,
        int studentsPerSchool,
        Map<String, Integer> schoolStudents,
        @DefaultValue Faults faults,
        @DefaultValue Shapes shapes,
        @DefaultValue Mix mix) {

    public SimulatorProperties {
        schoolStudents = schoolStudents == null ? Map.of() : Map.copyOf(schoolStudents);
    }

    /** {@code lvs-sync.simulator.faults.*}: see {@link SimulatorFaults}; all off by default. */
    public record Faults(
            @DefaultValue("0") int rateLimitEvery,
            @DefaultValue("1") int rateLimitSeconds,
            @DefaultValue("0") int serverErrorEvery,
            @DefaultValue("0") int htmlErrorEvery,
            @DefaultValue("503") int htmlErrorStatus,
            @DefaultValue("0") int unauthorizedEvery,
            @DefaultValue("0") int malformedAbsenceEvery,
            @DefaultValue("0") long fixedDelayMs,
            @DefaultValue("3600") long tokenLifetimeSeconds) {

        SimulatorFaults toSimulatorFaults() {
            return new SimulatorFaults(rateLimitEvery, rateLimitSeconds, serverErrorEvery, htmlErrorEvery, htmlErrorStatus,
                    unauthorizedEvery, malformedAbsenceEvery, fixedDelayMs, tokenLifetimeSeconds);
        }
    }

    /** {@code lvs-sync.simulator.shapes.*}: see {@link SimulatorShapes}; live Magister and the default GetData layout by default. */
    public record Shapes(
            @DefaultValue("UTF-8") String getDataEncoding,
            @DefaultValue("CRLF") SimulatorShapes.LineEnding getDataLineEnding,
            @DefaultValue("0") int repeatHeaderEvery,
            @DefaultValue("false") boolean rowPerEnrolment,
            @DefaultValue("false") boolean upperCaseLayout,
            @DefaultValue("false") boolean documentedAanmeldingen) {

        SimulatorShapes toSimulatorShapes() {
            return new SimulatorShapes(getDataEncoding, getDataLineEnding, repeatHeaderEvery, rowPerEnrolment, upperCaseLayout,
                    documentedAanmeldingen);
        }
    }

    /**
     * {@code lvs-sync.simulator.mix.*}: the share of students per verzuimprofiel, in percent; the rest is regular. The
     * defaults are realistic (see {@link Verzuimmix#REALISTISCH}).
     */
    public record Mix(
            @DefaultValue("0.3") double thuiszitter,
            @DefaultValue("2") double spijbelaar,
            @DefaultValue("2") double maandag,
            @DefaultValue("4") double ziek,
            @DefaultValue("2") double teLaat,
            @DefaultValue("1.5") double luxe) {

        Verzuimmix toVerzuimmix() {
            return new Verzuimmix(thuiszitter, spijbelaar, maandag, ziek, teLaat, luxe);
        }
    }

    SimulatorSettings settings() {
        return new SimulatorSettings(host, port, seed, studentsPerSchool, faults.toSimulatorFaults(), shapes.toSimulatorShapes(),
                mix.toVerzuimmix());
    }

    int studentsOf(String schoolId) {
        return schoolStudents.getOrDefault(schoolId, studentsPerSchool);
    }
}
