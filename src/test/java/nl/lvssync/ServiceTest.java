package nl.lvssync;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a real port, as the tests of sync, rules and alerts share it: profile {@code test}, the
 * schools, users and servers of {@link ServiceTestSetup}. Every test class with this annotation (and nothing that
 * changes the context) runs in one Spring context; each keeps to its own schools.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = ServiceTestSetup.class)
public @interface ServiceTest {
}
