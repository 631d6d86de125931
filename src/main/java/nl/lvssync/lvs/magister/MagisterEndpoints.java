package nl.lvssync.lvs.magister;

import org.springframework.modulith.NamedInterface;

/** Where one school's Magister lives and how we log in; resolved from the school's configuration. */
@NamedInterface("magister")
public record MagisterEndpoints(
        String apiBaseUrl,
        String tokenUrl,
        String clientId,
        String clientSecret,
        String webservicesUrl,
        String webservicesUser,
        String webservicesPassword,
        String studentLayout) {

    /** The token endpoint lives on an accounts server at /connect/token; a bare host gets that path. */
    public static String tokenUrlOf(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        String url = configured.strip();
        String withoutScheme = url.replaceFirst("^[a-zA-Z]+://", "");
        return withoutScheme.contains("/") && !withoutScheme.endsWith("/") ? url
                : url.replaceAll("/+$", "") + "/connect/token";
    }
}
