package nl.lvssync.notification;

/** Notifications name a student by initial and surname ("J. de Vries"): enough to act on, no more. */
final class StudentNames {

    private StudentNames() {
    }

    static String shortName(String roepnaam, String tussenvoegsel, String achternaam, String fallback) {
        if (achternaam == null || achternaam.isBlank()) {
            return shorten(fallback);
        }
        StringBuilder name = new StringBuilder();
        if (roepnaam != null && !roepnaam.isBlank()) {
            name.append(Character.toUpperCase(roepnaam.trim().charAt(0))).append(". ");
        }
        if (tussenvoegsel != null && !tussenvoegsel.isBlank()) {
            name.append(tussenvoegsel.trim()).append(' ');
        }
        return name.append(achternaam.trim()).toString();
    }

    /** "Jan de Vries" becomes "J. de Vries"; a single word stays as it is. */
    static String shorten(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return null;
        }
        String[] words = fullName.trim().split("\\s+", 2);
        if (words.length < 2 || words[0].endsWith(".")) {
            return fullName.trim();
        }
        return Character.toUpperCase(words[0].charAt(0)) + ". " + words[1];
    }
}
