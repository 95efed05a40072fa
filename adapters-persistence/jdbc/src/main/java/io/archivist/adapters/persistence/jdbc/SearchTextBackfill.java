package io.archivist.adapters.persistence.jdbc;

import io.archivist.domain.RecordId;
import io.archivist.domain.SearchText;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 8.2: the search text (q, docs/api.md#finding) of every record written before V8.1 made
 * record_search. Java, because the text is the domain's {@link SearchText} and no SQL dialect lower-cases
 * or reads JSON as it does. Walks the records in key order, a thousand at a time, so its memory does
 * not grow with the table.
 */
final class SearchTextBackfill implements JavaMigration {

    private static final int CHUNK = 1_000;

    private final Dialect dialect;

    SearchTextBackfill(Dialect dialect) {
        this.dialect = dialect;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8.2");
    }

    @Override
    public String getDescription() {
        return "search text of earlier records";
    }

    /** None: the migration is this code, checked by its version like the SQL ones are by their text. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        Sql sql = new Sql(dialect, Duration.ZERO);
        record Row(String workspace, RecordId id, String type, String text) {}
        Optional<Row> last = Optional.empty();
        while (true) {
            Query page = Query.of("SELECT workspace, id, type, record_key, attributes FROM records");
            last.ifPresent(row -> page.add(
                    " WHERE workspace > ? OR (workspace = ? AND id > ?)", row.workspace(), row.workspace(), row.id()));
            page.add(" ORDER BY workspace, id LIMIT ?", CHUNK);
            List<Row> rows = sql.list(
                    context.getConnection(),
                    page,
                    found -> new Row(
                            found.getString("workspace"),
                            RecordId.of(sql.uuid(found, "id")),
                            found.getString("type"),
                            SearchText.of(
                                    Optional.ofNullable(found.getString("record_key")),
                                    Json.object(found.getString("attributes")))));
            if (rows.isEmpty()) {
                return;
            }
            sql.batch(
                    context.getConnection(),
                    JdbcRecordWrites.INSERT_SEARCH,
                    rows.stream()
                            .map(row -> new Object[] {row.id(), row.workspace(), row.type(), row.text()})
                            .toList());
            last = Optional.of(rows.get(rows.size() - 1));
        }
    }
}
