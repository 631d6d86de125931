-- The days on which a student had a lesson that took place (not cancelled, not deleted): what the rules ask of a day
-- without an absence, read instead of its lessons. Owned by sync like lesson, kept by the same transaction that writes
-- a batch's lessons, recomputed from lesson for exactly the days whose lessons changed.
CREATE TABLE student_lesson_day (
    school_id       VARCHAR(32)  NOT NULL,
    student_lvs_id  VARCHAR(64)  NOT NULL,
    lesson_date     DATE         NOT NULL,
    PRIMARY KEY (school_id, student_lvs_id, lesson_date)
);

INSERT INTO student_lesson_day (school_id, student_lvs_id, lesson_date)
SELECT DISTINCT school_id, student_lvs_id, lesson_date FROM lesson WHERE cancelled = FALSE AND deleted = FALSE;
