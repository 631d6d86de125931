package nl.lvssync.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.lvssync.school.School.Coordinator;
import nl.lvssync.school.School;

/** Which of a school's coordinators hear about a student: by their locations and classes, never the actor. */
final class CoordinatorRouting {

    private CoordinatorRouting() {
    }

    /**
     * The coordinators for a student at a location in a class (both may be null: a school-level alert). When no
     * coordinator's filter matches, all of them are told: an alert nobody hears of is worse than one too many.
     */
    static List<Coordinator> recipients(School school, String location, String className, String actor) {
        List<Coordinator> matching = new ArrayList<>();
        for (Coordinator c : school.coordinators()) {
            if (matches(c, location, className)) {
                matching.add(c);
            }
        }
        if (matching.isEmpty()) {
            matching.addAll(school.coordinators());
        }
        matching.removeIf(c -> actor != null && c.username() != null && c.username().equalsIgnoreCase(actor));
        return matching;
    }

    static boolean matches(Coordinator c, String location, String className) {
        boolean schoolLevel = location == null && className == null;
        if (schoolLevel) {
            return true;
        }
        boolean locationOk = c.locations().isEmpty()
                || (location != null && c.locations().stream().anyMatch(l -> l.trim().equalsIgnoreCase(location.trim())));
        boolean classOk = c.classes().isEmpty()
                || (className != null && c.classes().stream().anyMatch(pattern -> classMatches(pattern, className)));
        return locationOk && classOk;
    }

    /** "3a" matches only 3a; "3*" matches every class starting with 3. */
    static boolean classMatches(String pattern, String className) {
        String p = pattern.trim().toLowerCase(Locale.ROOT);
        String k = className.trim().toLowerCase(Locale.ROOT);
        return p.endsWith("*") ? k.startsWith(p.substring(0, p.length() - 1)) : k.equals(p);
    }
}
