package nl.lvssync.opp;

import nl.lvssync.school.SchoolDirectory;
import org.springframework.stereotype.Component;

/** The schools' OPP export folders, for whoever must see the exports already placed (the OPP rules after a sync). */
@Component
public class OppExports {

    private final OppInbox inbox;
    private final SchoolDirectory schools;

    OppExports(OppInbox inbox, SchoolDirectory schools) {
        this.inbox = inbox;
        this.schools = schools;
    }

    /** Waits (bounded by {@code lvs-sync.opp.drain-timeout}) until the exports now in the school's folder are taken in. */
    public void awaitTakenIn(String school) {
        schools.find(school).ifPresent(inbox::awaitTakenIn);
    }
}
