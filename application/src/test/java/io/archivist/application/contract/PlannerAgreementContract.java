package io.archivist.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.archivist.application.port.in.LifecycleResult;
import io.archivist.domain.ArchivistException;
import io.archivist.domain.CascadeSet;
import io.archivist.domain.ErrorCode;
import io.archivist.domain.Lifecycle;
import io.archivist.domain.ObjectType;
import io.archivist.domain.OperationKind;
import io.archivist.domain.RecordId;
import io.archivist.domain.RestorePlan;
import io.archivist.domain.StoredRecord;
import io.archivist.domain.UniqueValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every archive, restore and purge agrees with the domain's CascadePlanner run over the same state:
 * a seeded random history of deletes, restores and creates over one graph, each step held to the
 * planner (exactly its set changed, its refusal when it refuses), with I1-I3 after every step.
 */
public interface PlannerAgreementContract extends StoreContractSupport {

    int STEPS = 80;
    List<String> CODES = List.of("A", "B", "C");

    @Test
    default void r1_r3_r5_a_random_history_agrees_with_the_planner_at_every_step() {
        long seed = Seeds.seed();
        Random random = new Random(seed);
        List<RecordId> known = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Tree tree = tree();
            known.addAll(tree.all());
        }
        for (int step = 0; step < STEPS; step++) {
            WorkspaceSnapshot before = snapshot();
            RecordId target = known.get(random.nextInt(known.size()));
            int action = random.nextInt(10);
            String what = (action < 4 ? "delete " : action < 7 ? "restore " : "create under ") + target;
            try {
                if (action < 4) {
                    deleteAgreeing(before, target);
                } else if (action < 7) {
                    restoreAgreeing(before, target);
                } else {
                    createAgreeing(before, target, random).ifPresent(known::add);
                }
                List<String> violations = Invariants.violations(ports(), workspace(), Optional.empty());
                assertTrue(violations.isEmpty(), violations.toString());
            } catch (AssertionError | RuntimeException failure) {
                throw Seeds.failure(seed, "step " + step + " (" + what + ")", failure);
            }
        }
    }

    private void deleteAgreeing(WorkspaceSnapshot before, RecordId target) {
        Optional<StoredRecord> record = before.find(target);
        if (record.isEmpty()) {
            refused(ErrorCode.RECORD_NOT_FOUND, () -> delete(target));
            return;
        }
        ObjectType type = before.catalog().require(record.get().type());
        boolean purge =
                Lifecycle.decide(Lifecycle.Action.DELETE, record.get(), type).acts(OperationKind.PURGE);
        CascadeSet plan = purge
                ? before.planner().purge(List.of(target))
                : before.planner().archive(List.of(target));
        LifecycleResult result = delete(target);
        if (purge) {
            PlannerOracle.purged(before, snapshot(), result.operation().orElseThrow(), plan);
        } else {
            PlannerOracle.archived(before, snapshot(), result.operation().orElseThrow(), plan);
        }
    }

    private void restoreAgreeing(WorkspaceSnapshot before, RecordId target) {
        Optional<StoredRecord> record = before.find(target);
        if (record.isEmpty()) {
            refused(ErrorCode.RECORD_NOT_FOUND, () -> restore(target));
            return;
        }
        if (!record.get().archived()) {
            refused(ErrorCode.NOT_ARCHIVED, () -> restore(target));
            return;
        }
        RestorePlan plan = before.planner().restore(target, before.catalog());
        boolean parentArchived =
                record.get().parents().stream().anyMatch(p -> before.get(p).archived());
        if (parentArchived || !plan.conflicts().isEmpty()) {
            refused(parentArchived ? ErrorCode.PARENT_ARCHIVED : ErrorCode.UNIQUE_CONFLICT, () -> restore(target));
            PlannerOracle.unchanged(before, snapshot());
            return;
        }
        LifecycleResult result = restore(target);
        PlannerOracle.restored(before, snapshot(), result.operation().orElseThrow(), plan);
        assertEquals(PlannerOracle.normalized(plan.leftArchived()), PlannerOracle.normalized(result.leftArchived()));
    }

    /** A child of a random allowed type under {@code parent} (and a second parent for a task). */
    private Optional<RecordId> createAgreeing(WorkspaceSnapshot before, RecordId parent, Random random) {
        Optional<StoredRecord> record = before.find(parent);
        if (record.isEmpty()) {
            refused(ErrorCode.VALIDATION_FAILED, () -> a(LABEL).under(parent).create());
            return Optional.empty();
        }
        NewRecord child = switch (record.get().type()) {
            case ACCOUNT ->
                random.nextBoolean()
                        ? a(PROJECT).under(parent).with(CODE, CODES.get(random.nextInt(CODES.size())))
                        : a(LABEL).under(parent);
            case PROJECT ->
                anyOf(before, LABEL, random)
                        .map(label -> a(TASK).under(parent, label))
                        .orElse(a(ACCOUNT));
            case LABEL ->
                anyOf(before, PROJECT, random)
                        .map(project -> a(TASK).under(project, parent))
                        .orElse(a(ACCOUNT));
            case TASK -> a(COMMENT).under(parent);
            default -> a(COMMENT).under(record.get().parents().get(0));
        };
        var command = child.command();
        boolean parentArchived =
                command.parents().stream().anyMatch(p -> before.get(p).archived());
        Optional<Object> code = Optional.ofNullable(command.attributes().get(CODE));
        boolean held = code.isPresent()
                && before.activeHolder(PROJECT, CODE, UniqueValues.canonical(CODE, code.get()))
                        .isPresent();
        if (parentArchived || held) {
            ArchivistException refusal = assertThrows(ArchivistException.class, child::create);
            assertEquals(parentArchived ? ErrorCode.PARENT_ARCHIVED : ErrorCode.UNIQUE_CONFLICT, refusal.code());
            PlannerOracle.unchanged(before, snapshot());
            return Optional.empty();
        }
        RecordId created = child.create();
        assertEquals(before.records().size() + 1, snapshot().records().size());
        return Optional.of(created);
    }

    private static Optional<RecordId> anyOf(WorkspaceSnapshot snapshot, String type, Random random) {
        List<RecordId> candidates = snapshot.records().values().stream()
                .filter(r -> r.type().equals(type))
                .map(StoredRecord::id)
                .toList();
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }
}
