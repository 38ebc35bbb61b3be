package ru.spb.feedback.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time each part of the platform used (user + system, from {@code /proc/<pid>/stat}), so a
 * phase can say where its CPU went per appeal: the services, PostgreSQL (every backend), the
 * broker and the benchmark's own load generator. Linux only; elsewhere it reports nothing.
 */
final class CpuMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on every common kernel). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Long> processes;

    /** @param processes a name for each process to watch, by pid; PostgreSQL's are found by name */
    CpuMeter(Map<String, Long> processes) {
        this.processes = processes;
    }

    /** CPU seconds used so far, by part. */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        processes.forEach((name, pid) -> seconds.put(name, ticks(Path.of("/proc/" + pid + "/stat")) / TICKS_PER_SECOND));
        seconds.put("postgres", postgresTicks() / TICKS_PER_SECOND);
        return seconds;
    }

    /** Milliseconds of CPU per appeal between two snapshots, by part, with the total. */
    static String perAppeal(Map<String, Double> before, Map<String, Double> after, long appeals) {
        StringBuilder out = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> entry : after.entrySet()) {
            double used = entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
            total += used;
            out.append(String.format("%s %.1f, ", entry.getKey(), 1000 * used / Math.max(1, appeals)));
        }
        return out.append(String.format("total %.1f ms of CPU per appeal", 1000 * total / Math.max(1, appeals))).toString();
    }

    /**
     * Every live PostgreSQL process, plus what the postmaster collected from the backends that
     * ended (its children's times), so closed connections still count.
     */
    private static long postgresTicks() {
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            return all.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuMeter::isPostgres)
                    .mapToLong(path -> {
                        String[] fields = fields(path.resolve("stat"));
                        if (fields == null) {
                            return 0;
                        }
                        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        boolean postmaster = !isPostgres(Path.of("/proc/" + fields[1]));
                        return postmaster ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
                    })
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().startsWith("postgres");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** utime + stime of one process; 0 if it is gone. */
    private static long ticks(Path stat) {
        String[] fields = fields(stat);
        return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The fields of {@code /proc/<pid>/stat} after the command (state is 0, ppid 1, utime 11); null if gone. */
    private static String[] fields(Path stat) {
        try {
            String line = Files.readString(stat);
            // the command may contain spaces: fields are counted after its closing parenthesis
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
