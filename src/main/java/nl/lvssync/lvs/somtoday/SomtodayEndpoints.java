package nl.lvssync.lvs.somtoday;

import org.springframework.modulith.NamedInterface;
/**
 * Where one school's Somtoday lives and how we log in: the API host, the token endpoint, the instelling
 * (organisation) UUID the token is for, the client credentials and the vestiging (branch) whose students are read.
 */
@NamedInterface("somtoday")
public record SomtodayEndpoints(String apiBaseUrl, String tokenUrl, String organisation, String clientId,
                                String clientSecret, String vestiging) {

    public static final String DEFAULT_API = "https://api.somtoday.nl";
    public static final String DEFAULT_TOKEN_HOST = "https://inloggen.somtoday.nl";

    /** The token endpoint is {@code /oauth2/token} on the token host; a bare host gets that path. */
    public static String tokenUrlOf(String configured) {
        String url = configured == null || configured.isBlank() ? DEFAULT_TOKEN_HOST : configured.strip();
        String withoutScheme = url.replaceFirst("^[a-zA-Z]+://", "");
        return withoutScheme.contains("/") && !withoutScheme.endsWith("/") ? url
                : url.replaceAll("/+$", "") + "/oauth2/token";
    }
}
