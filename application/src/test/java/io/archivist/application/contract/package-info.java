/**
 * The store contract kit: docs/lifecycle.md stated through the ports out, for every store to pass.
 *
 * <h2>Using it</h2>
 * Depend on {@code archivist-application} with {@code <type>test-jar</type>} (test scope), then
 * <pre>
 * class PostgresStoreTest implements StoreContract {
 *     private final KitFixture kit = new KitFixture(...the store's ports...);
 *
 *     &#64;Override
 *     public KitFixture kit() {
 *         return kit;
 *     }
 * }
 * </pre>
 * JUnit makes a new test instance, and so a new {@link io.archivist.application.contract.KitFixture},
 * for every test; the ports given may be the same stores each time: each test works in a fresh
 * random workspace, so nothing needs cleaning between tests. The kit keeps the store's RecordStore,
 * CatalogStore, OperationLog, UnitOfWork, IdempotencyStore and IdGenerator, and replaces its
 * TimeSource with a {@link io.archivist.application.contract.MovableClock} (R10's 24 hours, R11's
 * retention). Give the fixture a {@code LifecyclePolicy} to change the service limits.
 *
 * <h2>What a store must also do that the rules leave implicit</h2>
 * <ul>
 *   <li>Return a record's parents in the order they were given at creation, and the same record
 *       equal (field for field) on every read while nothing changes it.</li>
 *   <li>Keep instants to the millisecond (the services truncate to it).</li>
 *   <li>Counts per type list only the types a cascade touched (no zero entries), equal to the
 *       planner's. Left-archived records and conflicts may come in any order.</li>
 *   <li>A cascade named in one workspace never touches another, even given its ids.</li>
 *   <li>Under contention a store may refuse with CONCURRENT_MODIFICATION after bounded retries;
 *       the concurrency contract accepts that as a refusal that changed nothing.</li>
 * </ul>
 *
 * <h2>Replaying a failure</h2>
 * The randomized contracts ({@code PlannerAgreementContract}, {@code ConcurrencyContract}) name their
 * seed in every failure; {@code -Dkit.seed=N} replays it. The retention job looks at every workspace
 * of the store, so a store shared between test runs may see it purge what earlier runs left.
 *
 * <h2>The contracts</h2>
 * {@link io.archivist.application.contract.StoreContract} composes one test interface per topic:
 * ArchiveContract (R1, R2, R7), PurgeContract (R3, R4, R7), RestoreContract (R5), UniqueContract (R6),
 * BatchContract (seed writes), ReadOnlyContract (R9, R10 If-Match), IdempotencyContract (R10),
 * RetentionContract (R11), BulkContract (R12), PreviewContract (R13), HistoryContract, PagingContract, FindContract,
 * IsolationContract, AtomicityContract, PlannerAgreementContract, ConcurrencyContract and
 * CatalogContract. Each extends {@link io.archivist.application.contract.StoreContractSupport} (the
 * accessor {@code kit()}, the builders, the actions, the invariant check after each test), which
 * extends {@link io.archivist.application.contract.KitTypes} (the catalog). A store may implement
 * a subset of them.
 */
package io.archivist.application.contract;
