package io.archivist.application.port.in;

import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;
import io.archivist.domain.Role.Permission;
import java.util.List;

public interface DefineObjectTypeUseCase {

    /** What a caller must be allowed to use it (docs/lifecycle.md#roles): checked by the service, and before any replay (R10). */
    Permission PERMISSION = Permission.ADMINISTER;

    /** Defines or changes a type (admins); a broken catalog invariant is an INVALID_OBJECT_TYPE. */
    ObjectType define(Caller caller, ObjectType type);

    List<ObjectType> list(Caller caller);

    ObjectType get(Caller caller, String name);
}
