package io.archivist.benchmarks;

/** docs/quality.md's performance scenarios. */
enum Scenario {
    P1,
    P2,
    P3,
    P4,
    P5,
    P6,
    P7,
    P8,
    P9
}
