package io.archivist.application.contract;

import io.archivist.application.port.in.seed.ImportSeedCommand;
import io.archivist.application.port.out.seed.SeedItem;
import io.archivist.application.port.out.seed.SeedItem.TypeEntry;
import io.archivist.application.port.out.seed.SeedItem.WorkspaceEntry;
import io.archivist.application.port.out.seed.SeedItems;
import io.archivist.application.port.out.seed.SeedPosition;
import io.archivist.application.port.out.seed.SeedReader;
import io.archivist.domain.SeedFormat;
import io.archivist.domain.WorkspaceId;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Seeds of object types only, as the import sees them (items, not text), so that a store's test can
 * import one without a seed adapter: {@code n} archivable types, type i under type (i - 1) / 2.
 */
public final class TypeSeeds {

    private TypeSeeds() {}

    public static List<SeedItem> types(WorkspaceId workspace, int n) {
        List<SeedItem> items = new ArrayList<>();
        items.add(new WorkspaceEntry(workspace.value(), new SeedPosition(1, "/workspace")));
        for (int i = 0; i < n; i++) {
            List<String> parents = i == 0 ? List.of() : List.of(name((i - 1) / 2));
            items.add(new TypeEntry(
                    name(i),
                    Optional.of(true),
                    parents,
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    Set.of(),
                    List.of(),
                    new SeedPosition(2 + i, "/object_types/" + i)));
        }
        return items;
    }

    public static String name(int i) {
        return "type_" + i;
    }

    /** A reader that gives {@code items} whatever the seed's text. */
    public static SeedReader reader(List<SeedItem> items) {
        return (in, format) -> {
            Iterator<SeedItem> each = items.iterator();
            return new SeedItems() {
                @Override
                public boolean hasNext() {
                    return each.hasNext();
                }

                @Override
                public SeedItem next() {
                    return each.next();
                }

                @Override
                public void close() {}
            };
        };
    }

    /** An import by the seed actor, from the command line as it were. */
    public static ImportSeedCommand command() {
        return ImportSeedCommand.asSeedActor(() -> new ByteArrayInputStream(new byte[0]), SeedFormat.JSON, false, null);
    }
}
