/**
 * The MongoDB store: every port that lives in the database (records, catalog, operation log,
 * idempotency, unit of work) on the plain sync driver, correct without multi-document
 * transactions. See {@link io.archivist.adapters.persistence.mongo.MongoUnitOfWork} for how a unit
 * of work stays all-or-nothing, and the README section "MongoDB" for the design note.
 */
package io.archivist.adapters.persistence.mongo;
