package nl.lvssync.alert;

import java.util.List;
import org.springframework.stereotype.Component;

/** The alerts a coordinator still has to act on, for other modules (the daily digest). */
@Component
public class OpenAlerts {

    private final AlertRepository alerts;

    OpenAlerts(AlertRepository alerts) {
        this.alerts = alerts;
    }

    /** The school's OPEN and ACKNOWLEDGED alerts, the nearest deadline first (then the oldest). */
    public List<StoredAlert> of(String school) {
        return alerts.open(school);
    }
}
