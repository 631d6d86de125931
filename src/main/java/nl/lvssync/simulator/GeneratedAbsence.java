package nl.lvssync.simulator;

/** One absence registration (absentie) on one lesson; its Id is derived from the student and the lesson. */
record GeneratedAbsence(long id, SimulatedLesson lesson, Absentiecode code) {

    static long idOf(SimulatedLesson lesson, int studentIndex) {
        return (lesson.date().toEpochDay() * 10 + lesson.lesuur()) * 100_000L + studentIndex;
    }
}
