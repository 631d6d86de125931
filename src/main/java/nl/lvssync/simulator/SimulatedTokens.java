package nl.lvssync.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Bearer tokens that carry their school and expiry, signed with a key of this simulator instance: checking
 * one needs no table of issued tokens. Expiry runs on the real clock, also when the service's clock is fixed.
 */
final class SimulatedTokens {

    private final byte[] key = new byte[32];
    private final Clock realTime;

    SimulatedTokens(Clock realTime) {
        this.realTime = realTime;
        new SecureRandom().nextBytes(key);
    }

    String issue(String schoolId, long lifetimeSeconds) {
        long expiresAt = realTime.millis() + lifetimeSeconds * 1000;
        String payload = schoolId + "." + expiresAt;
        return "sim." + payload + "." + sign(payload);
    }

    /** True when the token was issued by this simulator for this school and has not expired. */
    boolean valid(String token, String schoolId) {
        if (token == null || !token.startsWith("sim." + schoolId + ".")) {
            return false;
        }
        int lastDot = token.lastIndexOf('.');
        String payload = token.substring(4, lastDot);
        String signature = token.substring(lastDot + 1);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            long expiresAt = Long.parseLong(payload.substring(schoolId.length() + 1));
            return realTime.millis() < expiresAt;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
