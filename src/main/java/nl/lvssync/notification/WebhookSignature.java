package nl.lvssync.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code X-LvsSync-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes, keyed with the webhook secret>}. */
final class WebhookSignature {

    public static final String HEADER = "X-LvsSync-Signature";

    private WebhookSignature() {
    }

    /** An empty or missing secret signs with the empty key, so every request carries the header the contract names. */
    public static String sign(byte[] body, String secret) {
        byte[] key = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            // HMAC pads a short key with zero bytes, so one zero byte is the empty key (which SecretKeySpec refuses)
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
