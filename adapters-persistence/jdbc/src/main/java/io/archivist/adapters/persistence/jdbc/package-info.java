package io.archivist.adapters.persistence.jdbc;
