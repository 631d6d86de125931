package nl.lvssync.simulator;

/**
 * How the simulator runs: where it listens, the seed all data derives from, a school's default size, the
 * faults to inject and the shapes of what it serves.
 *
 * @param port 0 picks a free port
 */
public record SimulatorSettings(String host, int port, long seed, int studentsPerSchool, SimulatorFaults faults,
                                SimulatorShapes shapes, Verzuimmix mix) {

    public static final int DEFAULT_STUDENTS = 150;

    public SimulatorSettings {
        host = host == null || host.isBlank() ? "127.0.0.1" : host.strip();
        faults = faults == null ? SimulatorFaults.NONE : faults;
        shapes = shapes == null ? SimulatorShapes.LIVE : shapes;
        mix = mix == null ? Verzuimmix.REALISTISCH : mix;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or a TCP port, not " + port);
        }
        if (studentsPerSchool < 1 || studentsPerSchool > SimulatedSchool.MAX_STUDENTS) {
            throw new IllegalArgumentException("students-per-school must be 1 to " + SimulatedSchool.MAX_STUDENTS);
        }
    }

    public SimulatorSettings(String host, int port, long seed, int studentsPerSchool, SimulatorFaults faults,
                             SimulatorShapes shapes) {
        this(host, port, seed, studentsPerSchool, faults, shapes, Verzuimmix.REALISTISCH);
    }

    /** Loopback, a free port, 150 students a school, no faults, live shapes, the realistic mix. */
    public static SimulatorSettings of(long seed) {
        return new SimulatorSettings("127.0.0.1", 0, seed, DEFAULT_STUDENTS, SimulatorFaults.NONE, SimulatorShapes.LIVE);
    }

    public SimulatorSettings withMix(Verzuimmix newMix) {
        return new SimulatorSettings(host, port, seed, studentsPerSchool, faults, shapes, newMix);
    }

    public SimulatorSettings withStudentsPerSchool(int students) {
        return new SimulatorSettings(host, port, seed, students, faults, shapes, mix);
    }

    public SimulatorSettings withFaults(SimulatorFaults newFaults) {
        return new SimulatorSettings(host, port, seed, studentsPerSchool, newFaults, shapes, mix);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(host, newPort, seed, studentsPerSchool, faults, shapes, mix);
    }

    public SimulatorSettings withShapes(SimulatorShapes newShapes) {
        return new SimulatorSettings(host, port, seed, studentsPerSchool, faults, newShapes, mix);
    }
}
