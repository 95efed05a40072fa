package io.archivist.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One answer of {@code GET /prometheus}, read as Prometheus's text format: each sample's name, labels and value.
 * A test takes one before and one after its work and looks at the difference, since the service's meters count
 * from its start.
 */
record Scrape(String text, List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    /** Reads a scrape; the service answers it with a SUPER_ADMIN token, or {@code token} may be null when public. */
    static Scrape of(Api api, String token) {
        Api.Response answer = api.get("/prometheus", token);
        assertEquals(200, answer.status(), answer::toString);
        assertTrue(answer.contentType().startsWith("text/plain"), answer.contentType());
        return parse(answer.text());
    }

    static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
        }
        return new Scrape(text, List.copyOf(samples));
    }

    /** The sum of the samples named {@code name} whose labels include {@code labels} (name, value pairs); 0 if none. */
    double value(String name, String... labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && hasLabels(s, labels))
                .mapToDouble(Sample::value)
                .sum();
    }

    boolean has(String name, String... labels) {
        return samples.stream().anyMatch(s -> s.name().equals(name) && hasLabels(s, labels));
    }

    /** How much {@code value(name, labels)} grew since {@code before}. */
    double since(Scrape before, String name, String... labels) {
        return value(name, labels) - before.value(name, labels);
    }

    /** Every label value of every sample. */
    List<String> labelValues() {
        return samples.stream().flatMap(s -> s.labels().values().stream()).toList();
    }

    private static boolean hasLabels(Sample sample, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
