package nl.lvssync.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The signature header's value, checked against HMAC-SHA256 worked out by hand (RFC 2104) and RFC 4231's vector. */
class WebhookSignatureTest {

    final byte[] body = "{\"event\":\"alert.raised\",\"alert\":{\"id\":\"a1\"}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSecretSignsAsRfc4231Says() {
        // RFC 4231 test case 2
        assertThat(WebhookSignature.sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII), "Jefe"))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(WebhookSignature.sign(body, "geheim")).isEqualTo("sha256=" + hmac("geheim".getBytes(StandardCharsets.UTF_8), body));
    }

    @Test
    void withoutASecretTheEmptyKeySigns() {
        assertThat(WebhookSignature.sign(body, null)).isEqualTo("sha256=" + hmac(new byte[0], body));
        assertThat(WebhookSignature.sign(body, "")).isEqualTo("sha256=" + hmac(new byte[0], body));
    }

    /** HMAC(K, m) = H((K0 ^ opad) || H((K0 ^ ipad) || m)), K0 the key padded with zeros to the block size. */
    static String hmac(byte[] key, byte[] message) {
        try {
            byte[] k0 = Arrays.copyOf(key, 64);
            byte[] inner = new byte[64];
            byte[] outer = new byte[64];
            for (int i = 0; i < 64; i++) {
                inner[i] = (byte) (k0[i] ^ 0x36);
                outer[i] = (byte) (k0[i] ^ 0x5c);
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(inner);
            byte[] h = sha.digest(message);
            sha.update(outer);
            return HexFormat.of().formatHex(sha.digest(h));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
