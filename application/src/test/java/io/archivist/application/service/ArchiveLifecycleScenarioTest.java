package io.archivist.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.LifecycleCommand;
import io.archivist.application.port.in.LifecycleResult;
import io.archivist.application.port.in.LifecycleResult.Outcome;
import io.archivist.application.port.in.UpdateRecordCommand;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Operation;
import io.archivist.domain.OperationKind;
import io.archivist.domain.Preview;
import io.archivist.domain.RecordId;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * One account's life told end to end through the services, as a user of Archivist lives it:
 * a member builds, a manager archives, restores what went together, then deletes twice.
 */
class ArchiveLifecycleScenarioTest extends ServiceTestSupport {

    @Test
    void an_account_is_archived_partly_restored_and_destroyed() {
        // A member builds an account with a project, a label and a task under both.
        RecordId account = a(ACCOUNT).by(member()).create();
        RecordId project =
                a(PROJECT).by(member()).under(account).with(CODE, "APOLLO").create();
        RecordId label = a(LABEL).by(member()).under(account).create();
        RecordId task = a(TASK).by(member()).under(project, label).create();
        records().update(new UpdateRecordCommand(member(), task, Map.of("title", "launch"), OptionalLong.of(1)));

        // The member may not archive; the manager previews, then archives the label alone first.
        refused(ErrorCode.FORBIDDEN, () -> lifecycle().delete(LifecycleCommand.of(member(), account)));
        Operation labelArchive = delete(label).operation().orElseThrow();
        assertArchivedBy(labelArchive, label, task);
        Preview preview = lifecycle().preview(manager(), account, OperationKind.ARCHIVE);
        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L),
                preview.countsPerType().asMap(),
                "the label and task are archived already");

        // Archiving the account frees the project code; the task keeps the label's operation.
        Operation accountArchive = delete(account).operation().orElseThrow();
        assertArchivedBy(accountArchive, account, project);
        assertArchivedBy(labelArchive, label, task);
        RecordId elsewhere =
                a(PROJECT).by(member()).under(account()).with(CODE, "APOLLO").create();

        // Restoring the account brings back exactly its operation, and is refused while the code is taken.
        refused(ErrorCode.UNIQUE_CONFLICT, () -> restore(account));
        delete(elsewhere);
        LifecycleResult restored = restore(account);
        assertEquals(Outcome.RESTORED, restored.outcome());
        assertActive(account, project);
        assertArchivedBy(labelArchive, label, task);
        assertEquals(List.of(), restored.leftArchived());

        // Restoring the label now brings the task back too; its history tells the whole story.
        restore(label);
        assertActive(account, project, label, task);
        assertEquals(
                List.of(OperationKind.ARCHIVE, OperationKind.RESTORE),
                operations().history(manager(), task).stream()
                        .map(Operation::kind)
                        .toList());

        // Delete twice to destroy: gone from every read, kept in the log as counts.
        delete(account);
        Operation purge = delete(account).operation().orElseThrow();
        assertEquals(
                Map.of(ACCOUNT, 1L, PROJECT, 1L, LABEL, 1L, TASK, 1L),
                purge.countsPerType().asMap());
        assertGone(account, project, label, task);
        refused(ErrorCode.RECORD_NOT_FOUND, () -> records().get(member(), task));
        assertTrue(operations().operation(admin(), purge.id()).total() == 4);
    }
}
