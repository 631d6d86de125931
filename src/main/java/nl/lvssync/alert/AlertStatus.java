package nl.lvssync.alert;

import java.util.EnumSet;
import java.util.Set;

/** Where an alert is in the coordinator's work: OPEN → ACKNOWLEDGED → REPORTED → CLOSED, or WITHDRAWN. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, REPORTED, WITHDRAWN, CLOSED;

    /** Statuses the rules still look after: re-evaluated, withdrawn when the data no longer supports them. */
    public static final Set<AlertStatus> LIVE = EnumSet.of(OPEN, ACKNOWLEDGED, REPORTED);

    public boolean isLive() {
        return LIVE.contains(this);
    }
}
