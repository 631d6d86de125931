package nl.lvssync.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;

/**
 * A controller slice ({@code @WebMvcTest}) with the service's real security: HTTP Basic users {@code admin}
 * (ADMIN) and {@code coord} (COORDINATOR of school {@value #SCHOOL}), password {@code secret}. The controller's
 * collaborators are mocked by the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// the readiness filter answers 503 until Camel runs: a slice has no Camel, and readiness is tested on the whole service
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = NotReadyFilter.class))
@Import({SecurityConfig.class, CurrentUser.class, Formats.class, ApiErrorAdvice.class, ApiErrorController.class})
@EnableConfigurationProperties(SecurityProperties.class)
@TestPropertySource(properties = {
        "lvs-sync.security.users[0].username=admin", "lvs-sync.security.users[0].password={noop}secret",
        "lvs-sync.security.users[0].roles[0]=ADMIN",
        "lvs-sync.security.users[1].username=coord", "lvs-sync.security.users[1].password={noop}secret",
        "lvs-sync.security.users[1].roles[0]=COORDINATOR", "lvs-sync.security.users[1].schools[0]=" + WebSliceTest.SCHOOL})
public @interface WebSliceTest {

    /** The school the coordinator may see. */
    String SCHOOL = "02YM00";

    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] controllers() default {};
}
