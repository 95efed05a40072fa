package io.archivist.adapters.seed;
