package nl.lvssync.opp;

import java.util.List;
import nl.lvssync.sync.StudentRecord;

/**
 * One student's OPP as the rules and the API see it.
 *
 * @param student  as the LVS lists them; null when the export names a student the LVS does not list
 * @param actief   still enrolled
 * @param huidig   the current plan version (the newest version of the plan that has not ended, else of the last one)
 * @param versies  every version of every plan of the student, oldest first
 */
public record OppLeerling(String lvsId, StudentRecord student, boolean actief, OppVersie huidig, List<OppVersie> versies,
                          OppBeoordeling beoordeling) {

    /** The student has a plan that has not ended: what O4 shows with an absence alert. */
    public boolean heeftOpp() {
        return huidig != null && !huidig.isBeeindigd();
    }
}
