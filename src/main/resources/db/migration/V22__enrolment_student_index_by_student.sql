-- The enrolments of a student by student first: an index that leads with school_id is one a planner without
-- statistics may take for a lookup by the key (school, id) and read the whole school; the key is the only one now.
DROP INDEX enrolment_student_idx;
CREATE INDEX enrolment_student_idx ON enrolment (student_lvs_id, school_id);
