-- The school's lesson dates (the calendar's lesdagen) are read from student_lesson_day now; the (school, date) index
-- served only that read, cost every lesson write an index entry, and was the planner's wrong choice for a key probe
-- of one student's day on a table without statistics.
DROP INDEX lesson_school_date_idx;
