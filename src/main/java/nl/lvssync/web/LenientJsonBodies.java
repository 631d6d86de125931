package nl.lvssync.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API reads a JSON body the way clients send it: fields it does not know are ignored, field names in any case
 * ({@code School} is {@code school}), and a body sent without a Content-Type, as {@code text/plain} or as a form
 * (what {@code curl -d} says) is read as JSON, its charset kept. A body that is no JSON for the call is a 400.
 */
@Configuration(proxyBeanMethods = false)
class LenientJsonBodies {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @Bean
    WebMvcConfigurer lenientJsonReading() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                for (HttpMessageConverter<?> converter : converters) {
                    if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                        jackson.setObjectMapper(jackson.getObjectMapper().copy()
                                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
                                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));
                    }
                }
            }
        };
    }

    @Bean
    JsonBodyFilter jsonBodyFilter() {
        return new JsonBodyFilter();
    }

    static final class JsonBodyFilter extends OncePerRequestFilter implements Ordered {

        @Override
        public int getOrder() {
            // before anything reads the body as form parameters
            return Ordered.HIGHEST_PRECEDENCE + 10;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !WITH_BODY.contains(request.getMethod()) || !SecurityConfig.path(request).startsWith("/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String type = request.getContentType();
            chain.doFilter(readAsJson(type) ? new AsJson(request, json(type)) : request, response);
        }

        static boolean readAsJson(String contentType) {
            if (contentType == null || contentType.isBlank()) {
                return true;
            }
            String base = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            return base.equals(MediaType.TEXT_PLAIN_VALUE) || base.equals(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        }

        static String json(String contentType) {
            String charset = null;
            if (contentType != null) {
                try {
                    charset = MediaType.parseMediaType(contentType).getParameter("charset");
                } catch (org.springframework.util.InvalidMimeTypeException e) {
                    charset = null;
                }
            }
            return MediaType.APPLICATION_JSON_VALUE + (charset == null ? "" : ";charset=" + charset);
        }
    }

    /** The request as it came, but saying its body is JSON. Form parameters are still read from the real request. */
    private static final class AsJson extends HttpServletRequestWrapper {
        private final String contentType;

        AsJson(HttpServletRequest request, String contentType) {
            super(request);
            this.contentType = contentType;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? contentType : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.enumeration(List.of(contentType))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch(HttpHeaders.CONTENT_TYPE::equalsIgnoreCase)) {
                names.add(HttpHeaders.CONTENT_TYPE);
            }
            return Collections.enumeration(names);
        }
    }
}
