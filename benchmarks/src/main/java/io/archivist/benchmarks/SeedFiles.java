package io.archivist.benchmarks;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.archivist.domain.ObjectType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes a generated subtree as a JSON Lines seed (docs/lifecycle.md#seeds): a header line, then one record per line, parents by key. */
final class SeedFiles {

    private static final JsonFactory JSON = new JsonFactory();

    private SeedFiles() {}

    static void write(Path file, String workspace, TreeShape shape, String copy) {
        try (JsonGenerator out = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            out.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            out.writeStartObject();
            out.writeStringField("workspace", workspace);
            out.writeArrayFieldStart("object_types");
            for (ObjectType type : Subtrees.types()) {
                out.writeStartObject();
                out.writeStringField("name", type.name());
                out.writeBooleanField("archivable", type.archivable());
                strings(out, "parents", type.parents().toArray(String[]::new));
                strings(out, "unique", type.unique().toArray(String[]::new));
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
            Subtrees.generate(shape, node -> {
                try {
                    out.writeStartObject();
                    out.writeStringField("key", Subtrees.key(copy, node.serial()));
                    out.writeStringField("type", node.type());
                    out.writeObjectFieldStart("attributes");
                    for (Map.Entry<String, Object> attribute :
                            Subtrees.attributes(node, copy).entrySet()) {
                        if (attribute.getValue() instanceof Integer n) {
                            out.writeNumberField(attribute.getKey(), n);
                        } else {
                            out.writeStringField(attribute.getKey(), String.valueOf(attribute.getValue()));
                        }
                    }
                    out.writeEndObject();
                    String[] parents = new String[node.parents().length];
                    for (int i = 0; i < parents.length; i++) {
                        parents[i] = Subtrees.key(copy, node.parents()[i]);
                    }
                    strings(out, "parents", parents);
                    out.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(JsonGenerator out, String field, String[] values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }
}
