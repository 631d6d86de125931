package nl.lvssync.lvs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an idempotent request (GET, HEAD) once more when its connection broke before an answer came: typically a
 * pooled connection the LVS had already closed ("unexpected end of stream", a reset). OkHttp's own
 * retryOnConnectionFailure covers most of these; this catches the rest. A timeout is not retried here: the LVS is
 * slow, not gone, and the connector's backoff decides what to do.
 */
final class StaleConnectionRetry implements Interceptor {

    private static final Logger log = LoggerFactory.getLogger(StaleConnectionRetry.class);
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        try {
            return chain.proceed(request);
        } catch (IOException e) {
            if (!IDEMPOTENT.contains(request.method()) || e instanceof InterruptedIOException || chain.call().isCanceled()) {
                throw e;
            }
            log.debug("{} {} lost its connection ({}); sent once more on a fresh one", request.method(),
                    request.url().redact(), e.toString());
            return chain.proceed(request);
        }
    }
}
