package io.archivist.adapters.rest;
