package io.calicogitops.validate;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The schedule syntax of a Kubernetes CronJob (robfig/cron's standard parser): five fields (minute, hour, day of
 * month, month, day of week) of {@code *}, {@code ?}, numbers, ranges, steps and comma lists, month and weekday names,
 * or one of the {@code @hourly}-style descriptors.
 */
public final class CronSchedule {

    private record Field(String name, int min, int max, List<String> names) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of()),
            new Field("hour", 0, 23, List.of()),
            new Field("day of month", 1, 31, List.of()),
            new Field("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
            new Field("day of week", 0, 6, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")));

    private static final Set<String> DESCRIPTORS = Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");

    private CronSchedule() {
    }

    /** Why {@code schedule} is not a CronJob schedule, or empty when it is one. */
    public static Optional<String> check(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            return Optional.of("must not be empty");
        }
        String s = schedule.trim();
        if (s.startsWith("@")) {
            return DESCRIPTORS.contains(s) ? Optional.empty()
                    : Optional.of("unknown descriptor '" + Names.printable(s) + "' (expected " + String.join(", ",
                    DESCRIPTORS.stream().sorted().toList()) + ")");
        }
        if (s.startsWith("TZ=") || s.startsWith("CRON_TZ=")) {
            return Optional.of("time zones are not part of the schedule in Kubernetes (set spec.timeZone instead)");
        }
        String[] parts = s.split("\\s+");
        if (parts.length != 5) {
            return Optional.of("'" + Names.printable(s) + "' has " + parts.length
                    + " fields; a cron schedule has 5 (minute hour day-of-month month day-of-week)");
        }
        for (int i = 0; i < 5; i++) {
            Optional<String> problem = field(parts[i], FIELDS.get(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> field(String text, Field f) {
        for (String item : text.split(",", -1)) {
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                String step = item.substring(slash + 1);
                if (!step.matches("[0-9]{1,3}") || Integer.parseInt(step) == 0) {
                    return bad(f, item, "step '" + step + "' must be a positive number");
                }
            }
            if (range.equals("*") || range.equals("?")) {
                continue;
            }
            String[] ends = range.split("-", -1);
            if (ends.length > 2) {
                return bad(f, item, "a range has one '-'");
            }
            int lo = value(ends[0], f);
            int hi = ends.length == 2 ? value(ends[1], f) : lo;
            if (lo < 0 || hi < 0) {
                return bad(f, item, "expected a number " + f.min() + "-" + f.max()
                        + (f.names().isEmpty() ? "" : " or a name (" + f.names().get(0) + "...)"));
            }
            if (lo < f.min() || hi > f.max()) {
                return bad(f, item, "out of range " + f.min() + "-" + f.max());
            }
            if (lo > hi) {
                return bad(f, item, "range start is after its end");
            }
        }
        return Optional.empty();
    }

    private static int value(String text, Field f) {
        if (text.matches("[0-9]{1,2}")) {
            return Integer.parseInt(text);
        }
        int i = f.names().indexOf(text.toUpperCase(Locale.ROOT));
        return i < 0 ? -1 : i + f.min();
    }

    private static Optional<String> bad(Field f, String item, String why) {
        return Optional.of(f.name() + " '" + Names.printable(item) + "': " + why);
    }
}
