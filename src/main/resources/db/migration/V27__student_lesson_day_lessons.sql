-- How many lessons that took place the student had that day, kept with the day by the same write: the rules read a
-- day's lessons only when the missed ones could cover them all, and no day with fewer missed lessons than this can be
-- missed whole. NULL is "not known", which makes the rules read the day's lessons.
ALTER TABLE student_lesson_day ADD COLUMN lessons INTEGER;

UPDATE student_lesson_day SET lessons = (SELECT COUNT(*) FROM lesson l WHERE l.school_id = student_lesson_day.school_id
    AND l.student_lvs_id = student_lesson_day.student_lvs_id AND l.lesson_date = student_lesson_day.lesson_date
    AND l.cancelled = FALSE AND l.deleted = FALSE);
