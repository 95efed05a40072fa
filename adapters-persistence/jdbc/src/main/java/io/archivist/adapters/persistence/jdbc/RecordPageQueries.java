package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.OperationKind;
import io.archivist.domain.PagePosition;
import io.archivist.domain.RecordFilter;
import io.archivist.domain.RecordFilter.ArchivedFilter;
import io.archivist.domain.SearchText;
import io.archivist.domain.WorkspaceId;
import java.time.Instant;
import java.util.Optional;

/**
 * The one statement of a page of GET /records (docs/api.md#finding): the filter's conditions together,
 * the keyset position, the order. Which index serves it is the database's choice among those V8.1 made
 * for each filter, as the filter's selectivity decides: key's, an operation's, an actor's operations',
 * a type's archived records by time, or a type's records in id order.
 */
final class RecordPageQueries {

    /**
     * q on PostgreSQL: how many records, in the page's order, the statement reads to fill a page by
     * looking at each one's search text, before it turns to the trigram index instead. A text in more
     * than one record in {@code CANDIDATES / limit} fills the page this way; a rarer one is found
     * through the index, which then returns at most that share of the records.
     */
    static final int CANDIDATES = 2_000;

    private final Dialect dialect;

    RecordPageQueries(Dialect dialect) {
        this.dialect = dialect;
    }

    Query page(WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit) {
        if (filter.text().isPresent() && dialect.indexesSearchText()) {
            return indexedText(
                    workspace, filter, after, limit, like(filter.text().get()));
        }
        Query query = Query.of("SELECT " + RecordRows.COLUMNS).add(from(workspace, filter, after));
        filter.text()
                .ifPresent(q -> query.add(
                        " AND EXISTS (SELECT 1 FROM record_search s WHERE s.record_id = records.id"
                                + " AND s.workspace = records.workspace AND s.workspace = ?"
                                + " AND s.search_text LIKE ? ESCAPE '!')",
                        workspace,
                        like(q)));
        return query.add(" ORDER BY " + orderBy(filter.sort()) + " LIMIT ?", limit);
    }

    /**
     * q where a trigram index serves it. Left to itself, PostgreSQL's planner guesses how many records
     * hold a text from a few samples, and for a rare text it walks the whole type in the page's order
     * looking for one that is not there (a million records for a name that is in three). So the
     * statement decides by looking: it reads the first {@link #CANDIDATES} records of the page's walk;
     * if they fill the page, that is the page (a common text); if not, it asks the index for every
     * record that holds the text (a rare one, so few), then orders them. The index's branch runs only
     * when needed (a one-time filter), and is fenced (OFFSET 0) so that the planner cannot turn it
     * back into the walk.
     */
    private Query indexedText(
            WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after, int limit, String like) {
        String columns = RecordRows.COLUMNS;
        String order = orderBy(filter.sort());
        return Query.of("WITH walk AS (SELECT " + columns + " FROM (SELECT " + columns)
                .add(from(workspace, filter, after))
                .add(" ORDER BY " + order + " LIMIT ?) candidates", CANDIDATES)
                .add(
                        " WHERE EXISTS (SELECT 1 FROM record_search s WHERE s.record_id = candidates.id"
                                + " AND s.workspace = candidates.workspace AND s.workspace = ?"
                                + " AND s.search_text LIKE ? ESCAPE '!')",
                        workspace,
                        like)
                .add(" ORDER BY " + order + " LIMIT ?),", limit)
                .add(
                        " hits AS MATERIALIZED (SELECT record_id FROM record_search"
                                + " WHERE workspace = ? AND search_text LIKE ? ESCAPE '!')",
                        workspace,
                        like)
                .add(" SELECT " + columns + " FROM walk WHERE (SELECT COUNT(*) FROM walk) = ?", limit)
                .add(" UNION ALL SELECT " + columns + " FROM (SELECT " + columns)
                .add(from(workspace, filter, after))
                .add(" AND id IN (SELECT record_id FROM hits) OFFSET 0) found")
                .add(" WHERE (SELECT COUNT(*) FROM walk) < ?", limit)
                .add(" ORDER BY " + order + " LIMIT ?", limit);
    }

    /** "FROM records WHERE ..." with every condition of the filter but q, and the keyset position. */
    private Query from(WorkspaceId workspace, RecordFilter filter, Optional<PagePosition> after) {
        Query query = Query.of(" FROM records WHERE workspace = ?", workspace);
        if (filter.type().isPresent()) {
            query.add(
                    " AND " + dialect.typeInState(filter.archived()),
                    filter.type().get());
        } else if (filter.archived() != ArchivedFilter.ANY) {
            query.add(
                    filter.archived() == ArchivedFilter.ACTIVE
                            ? " AND deleted_at IS NULL"
                            : " AND deleted_at IS NOT NULL");
        }
        filter.parent()
                .ifPresent(parent -> query.add(
                        " AND id IN (SELECT child_id FROM record_parents WHERE workspace = ? AND parent_id = ?)",
                        workspace,
                        parent));
        filter.key().ifPresent(key -> query.add(" AND record_key = ?", key));
        filter.operation().ifPresent(operation -> query.add(" AND archive_operation = ?", operation));
        filter.archivedAfter().ifPresent(at -> query.add(" AND deleted_at >= ?", at));
        filter.archivedBefore().ifPresent(at -> query.add(" AND deleted_at < ?", at));
        filter.archivedBy()
                .ifPresent(actor -> query.add(
                        " AND archive_operation IN (SELECT o.id FROM operations o"
                                + " WHERE o.workspace = ? AND o.actor = ? AND o.kind = ?)",
                        workspace,
                        actor,
                        OperationKind.ARCHIVE.name()));
        after.ifPresent(position -> {
            switch (filter.sort()) {
                case ID -> query.add(" AND id > ?", position.id());
                // Written so that deleted_at bounds an index range and id only breaks ties within it.
                case NEWEST_ARCHIVED_FIRST -> {
                    Instant at = position.deletedAt().orElseThrow();
                    query.add(" AND deleted_at <= ? AND (deleted_at < ? OR id < ?)", at, at, position.id());
                }
            }
        });
        return query;
    }

    static String orderBy(RecordFilter.Sort sort) {
        return switch (sort) {
            case ID -> "id";
            case NEWEST_ARCHIVED_FIRST -> "deleted_at DESC, id DESC";
        };
    }

    /** The LIKE pattern of q: its needle anywhere, matched literally (its wildcards and '!' escaped). */
    private static String like(String q) {
        String needle = SearchText.needle(q);
        return "%" + needle.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
