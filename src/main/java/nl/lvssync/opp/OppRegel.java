package nl.lvssync.opp;

/** The OPP rules as alerts (service-contract.md): O1's two deadlines, O2 and O3. */
public enum OppRegel {
    /** O1: 4 weeks after enrolment or placement, and no plan set yet */
    OPP_DUE,
    /** O1: 6 weeks after enrolment or placement, and no plan set */
    OPP_OVERDUE,
    /** O2: 4 weeks before a year since the last evaluation (or the setting) of the plan; overdue after that year */
    OPP_EVALUATION_DUE,
    /** O3: a set plan lacks contents the law requires */
    OPP_INCOMPLETE;

    public static boolean isOpp(String rule) {
        for (OppRegel r : values()) {
            if (r.name().equals(rule)) {
                return true;
            }
        }
        return false;
    }
}
