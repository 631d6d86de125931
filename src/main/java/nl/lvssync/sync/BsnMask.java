package nl.lvssync.sync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides BSNs in text shown to people (quarantined records): every run of 8 or 9 digits that passes the elfproef, the
 * check every BSN passes, keeps only its last two digits. A record key or LVS id of that shape is masked too: better
 * one id hidden than one BSN shown.
 */
final class BsnMask {

    private static final Pattern DIGITS = Pattern.compile("(?<![0-9])[0-9]{8,9}(?![0-9])");

    private BsnMask() {
    }

    static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DIGITS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String digits = m.group();
            m.appendReplacement(out, elfproef(digits) ? "*".repeat(digits.length() - 2) + digits.substring(digits.length() - 2)
                    : digits);
        }
        m.appendTail(out);
        return out.toString();
    }

    static boolean elfproef(String digits) {
        String nine = digits.length() == 8 ? "0" + digits : digits;
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (nine.charAt(i) - '0');
        }
        sum -= nine.charAt(8) - '0';
        return sum % 11 == 0 && !nine.equals("000000000");
    }
}
