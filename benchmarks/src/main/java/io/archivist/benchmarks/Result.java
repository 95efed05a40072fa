package io.archivist.benchmarks;

/**
 * One line of the benchmark table: a scenario measured through Archivist and through its
 * hand-written baseline, in the same run, on identical data. Rates are per second of the unit
 * (rows, or requests for P6 and P8). For a {@link Goal#RATE_AT_LEAST} the ratio is Archivist's rate
 * over the baseline's, so higher is better and the target is a lower bound (P5's "at most 3 times
 * the baseline's time" is 0.33). For a {@link Goal#LATENCY_AT_MOST} (P8) the times are latencies,
 * the ratio is Archivist's over the baseline's, lower is better and the target is an upper bound;
 * such a line is met only with no failed request ({@code errors}).
 */
record Result(
        String scenario,
        String action,
        String store,
        long size,
        String unit,
        double millis,
        double rate,
        String baseline,
        double baselineMillis,
        double baselineRate,
        double target,
        String note,
        Goal goal,
        long errors) {

    enum Goal {
        RATE_AT_LEAST,
        LATENCY_AT_MOST
    }

    /** A line of throughput, what P1-P7 measure. */
    Result(
            String scenario,
            String action,
            String store,
            long size,
            String unit,
            double millis,
            double rate,
            String baseline,
            double baselineMillis,
            double baselineRate,
            double target,
            String note) {
        this(
                scenario,
                action,
                store,
                size,
                unit,
                millis,
                rate,
                baseline,
                baselineMillis,
                baselineRate,
                target,
                note,
                Goal.RATE_AT_LEAST,
                0);
    }

    double ratio() {
        if (goal == Goal.LATENCY_AT_MOST) {
            return baselineMillis == 0 ? Double.POSITIVE_INFINITY : millis / baselineMillis;
        }
        return baselineRate == 0 ? 0 : rate / baselineRate;
    }

    boolean hasTarget() {
        return !Double.isNaN(target);
    }

    /** A line without a target (P4 against COPY, the limit) is for information and always passes. */
    boolean met() {
        if (!hasTarget()) {
            return true;
        }
        return goal == Goal.LATENCY_AT_MOST ? errors == 0 && ratio() <= target : ratio() >= target;
    }

    /** A scenario that measures {@code size} units per run, from the median times of both sides. */
    static Result of(
            String scenario,
            String action,
            String store,
            long size,
            String unit,
            Samples archivist,
            String baseline,
            Samples baselineSamples,
            double target,
            String note) {
        return new Result(
                scenario,
                action,
                store,
                size,
                unit,
                archivist.medianMillis(),
                archivist.ratePerSecond(size),
                baseline,
                baselineSamples.medianMillis(),
                baselineSamples.ratePerSecond(size),
                target,
                note);
    }

    /** The same figures, with {@code size} naming the data set rather than the rows measured (P5: 50 rows of 1M). */
    Result withSize(long dataSize) {
        return new Result(
                scenario,
                action,
                store,
                dataSize,
                unit,
                millis,
                rate,
                baseline,
                baselineMillis,
                baselineRate,
                target,
                note,
                goal,
                errors);
    }

    Result withNote(String more) {
        String joined = note.isEmpty() ? more : note + "; " + more;
        return new Result(
                scenario,
                action,
                store,
                size,
                unit,
                millis,
                rate,
                baseline,
                baselineMillis,
                baselineRate,
                target,
                joined,
                goal,
                errors);
    }

    /** One tab-separated line, how a forked scenario JVM hands its results to the launcher. */
    String toLine() {
        return String.join(
                "\t",
                scenario,
                action,
                store,
                Long.toString(size),
                unit,
                num(millis),
                num(rate),
                baseline,
                num(baselineMillis),
                num(baselineRate),
                num(target),
                note.replace('\t', ' ').replace('\n', ' '),
                goal.name(),
                Long.toString(errors));
    }

    static Result fromLine(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 14) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        return new Result(
                f[0],
                f[1],
                f[2],
                Long.parseLong(f[3]),
                f[4],
                Double.parseDouble(f[5]),
                Double.parseDouble(f[6]),
                f[7],
                Double.parseDouble(f[8]),
                Double.parseDouble(f[9]),
                Double.parseDouble(f[10]),
                f[11],
                Goal.valueOf(f[12]),
                Long.parseLong(f[13]));
    }

    private static String num(double value) {
        return Double.toString(value);
    }
}
