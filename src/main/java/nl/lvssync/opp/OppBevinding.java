package nl.lvssync.opp;

import java.time.LocalDate;
import java.util.List;

/**
 * What an OPP rule found for one student: what an OPP alert is made of. The natural key is (regel, startDatum):
 * judging the same data again gives the same key.
 *
 * @param startDatum  OPP_DUE and OPP_OVERDUE: the placement date the weeks count from; OPP_EVALUATION_DUE: the day
 *                    the evaluation became due (4 weeks before the year is up); OPP_INCOMPLETE: the day the plan was
 *                    set (else drawn up, else received)
 * @param deadline    the last day to set or evaluate the plan; null for OPP_INCOMPLETE
 * @param toelichting what users read, without the plan's contents
 * @param ontbrekend  OPP_INCOMPLETE: the missing contents (the export's column names)
 */
public record OppBevinding(OppRegel regel, LocalDate startDatum, LocalDate deadline, String toelichting,
                           List<String> ontbrekend) {

    public OppBevinding {
        ontbrekend = ontbrekend == null ? List.of() : List.copyOf(ontbrekend);
    }
}
