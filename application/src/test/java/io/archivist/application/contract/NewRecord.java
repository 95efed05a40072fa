package io.archivist.application.contract;

import io.archivist.application.port.in.CreateRecordCommand;
import io.archivist.domain.Caller;
import io.archivist.domain.RecordId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A test-data builder: {@code a(TASK).under(project, label).with("title", "x").create()}. */
public final class NewRecord {

    private final StoreContractSupport kit;
    private final String type;
    private Caller by;
    private final List<RecordId> parents = new ArrayList<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private Optional<String> key = Optional.empty();

    NewRecord(StoreContractSupport kit, String type, Caller by) {
        this.kit = kit;
        this.type = type;
        this.by = by;
        attributes.put(
                "name",
                type + "-"
                        + Long.toHexString(Double.doubleToLongBits(Math.random()))
                                .substring(0, 8));
    }

    public NewRecord under(RecordId... parents) {
        this.parents.addAll(Arrays.asList(parents));
        return this;
    }

    public NewRecord with(String attribute, Object value) {
        attributes.put(attribute, value);
        return this;
    }

    public NewRecord key(String key) {
        this.key = Optional.of(key);
        return this;
    }

    public NewRecord by(Caller caller) {
        this.by = caller;
        return this;
    }

    public CreateRecordCommand command() {
        return new CreateRecordCommand(by, type, key, attributes, parents);
    }

    /** Creates it through the record service, and counts it for I4. */
    public RecordId create() {
        RecordId id = kit.records().create(command()).record().id();
        kit.ledger(by.workspace()).created(type);
        return id;
    }
}
