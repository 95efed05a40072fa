package io.archivist.application.port.in;

import io.archivist.domain.Caller;
import io.archivist.domain.ObjectType;

import java.util.List;

public interface DefineObjectTypeUseCase {

    /** Defines or changes a type (admins); a broken catalog invariant is an INVALID_OBJECT_TYPE. */
    ObjectType define(Caller caller, ObjectType type);

    List<ObjectType> list(Caller caller);

    ObjectType get(Caller caller, String name);
}
