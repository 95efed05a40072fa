package io.archivist.domain;

import java.util.List;

/**
 * R5: a record archived together with the restored one that stays archived, because one of
 * its parents is still archived (archived by another operation, or itself left archived).
 */
public record LeftArchived(RecordId id, String type, List<RecordId> archivedParents) {

    public LeftArchived {
        archivedParents = List.copyOf(archivedParents);
    }

    public String reason() {
        return "parent " + (archivedParents.size() == 1 ? archivedParents.get(0) : archivedParents) + " stays archived";
    }
}
