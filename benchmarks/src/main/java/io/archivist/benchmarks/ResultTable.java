package io.archivist.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results as the console table and as the Markdown table of BENCHMARKS.md: the same columns. */
final class ResultTable {

    static final List<String> HEADER = List.of(
            "scenario",
            "what",
            "store",
            "size",
            "median",
            "rate",
            "baseline",
            "baseline median",
            "baseline rate",
            "ratio",
            "target",
            "met");

    private ResultTable() {}

    static List<List<String>> rows(List<Result> results) {
        List<List<String>> rows = new ArrayList<>();
        for (Result r : results) {
            rows.add(List.of(
                    r.scenario(),
                    r.action(),
                    r.store(),
                    count(r.size()) + " " + r.unit(),
                    millis(r.millis()),
                    rate(r.rate(), r.unit()),
                    r.baseline(),
                    millis(r.baselineMillis()),
                    rate(r.baselineRate(), r.unit()),
                    String.format(Locale.ROOT, "%.2f", r.ratio()),
                    !r.hasTarget()
                            ? "—"
                            : (r.goal() == Result.Goal.LATENCY_AT_MOST ? "≤ " : "≥ ")
                                    + String.format(Locale.ROOT, "%.2f", r.target()),
                    !r.hasTarget() ? "—" : r.met() ? "yes" : "NO"));
        }
        return rows;
    }

    /** Fixed-width columns for the terminal, then the notes. */
    static String console(List<Result> results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.addAll(rows(results));
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                out.append(i == 0 ? "" : "  ").append(pad(row.get(i), widths[i], i >= 3 && i != 6 && i != 11));
            }
            out.append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w + 2;
                }
                out.append("-".repeat(total - 2)).append('\n');
            }
        }
        notes(results).forEach(note -> out.append(note).append('\n'));
        return out.toString();
    }

    static String markdown(List<Result> results) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        out.append("|").append("---|".repeat(HEADER.size())).append('\n');
        for (List<String> row : rows(results)) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        List<String> notes = notes(results);
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static List<String> notes(List<Result> results) {
        List<String> notes = new ArrayList<>();
        for (Result r : results) {
            if (!r.note().isEmpty()) {
                notes.add(r.scenario() + " " + r.action() + " (" + r.store() + "): " + r.note());
            }
        }
        return notes;
    }

    static String millis(double millis) {
        if (millis >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000);
        }
        if (millis >= 10) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, "%.3f ms", millis);
    }

    static String rate(double perSecond, String unit) {
        return count(Math.round(perSecond)) + (unit.equals("requests") ? " req/s" : " rows/s");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }
}
