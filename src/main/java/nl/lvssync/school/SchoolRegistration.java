package nl.lvssync.school;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start-up, before anything syncs: every configured school gets (or updates) its row in the school table. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SchoolRegistration implements ApplicationRunner {

    private final SchoolDirectory schools;
    private final SchoolRepository repository;

    SchoolRegistration(SchoolDirectory schools, SchoolRepository repository) {
        this.schools = schools;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        schools.all().forEach(repository::register);
    }
}
