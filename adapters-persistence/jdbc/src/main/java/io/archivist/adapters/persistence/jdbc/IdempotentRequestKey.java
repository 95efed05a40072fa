package io.archivist.adapters.persistence.jdbc;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.MappedProperty;

/** The primary key of idempotent_requests: the workspace and the SHA-256 of the Idempotency-Key. */
@Embeddable
record IdempotentRequestKey(
        @MappedProperty("workspace") String workspace,
        @MappedProperty("key_hash") String keyHash) {}
