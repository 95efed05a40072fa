package io.archivist.adapters.persistence.mongo;
