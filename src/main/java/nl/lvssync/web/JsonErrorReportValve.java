package nl.lvssync.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers itself, before Spring sees the request (a malformed request line or URL): a problem detail in
 * JSON instead of Tomcat's HTML page with its version, except for a browser asking for a page outside the API.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getDecodedRequestURI();
        String accept = request.getHeader("Accept");
        if ((uri == null || !uri.startsWith("/api")) && accept != null && accept.contains("text/html")) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean ioAllowed = new java.util.concurrent.atomic.AtomicBoolean(false);
        response.getCoyoteResponse().action(org.apache.coyote.ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String reason = status == 400 ? "the request is malformed (request line, URL or headers)" : "error " + status;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\""
                        + (status == 400 ? "Bad Request" : "Error") + "\",\"detail\":\"" + reason + "\",\"error\":\""
                        + reason + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to say
        }
    }

    /** Installs the valve on the embedded Tomcat's host. */
    @Component
    @ConditionalOnClass(StandardHost.class)
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                }
            });
        }
    }
}
