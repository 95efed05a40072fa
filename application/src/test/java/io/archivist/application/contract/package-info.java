/**
 * The store contract kit: docs/lifecycle.md stated through the ports out, for every store to pass.
 *
 * <h2>Using it</h2>
 * Depend on {@code archivist-application} with {@code <type>test-jar</type>} (test scope), then
 * <pre>
 * class PostgresStoreTest extends StoreContract {
 *     &#64;Override protected StorePorts ports() { return ...the store's ports... }
 * }
 * </pre>
 * {@code ports()} is called before every test and may return the same stores each time: each test
 * works in a fresh random workspace, so nothing needs cleaning between tests. The kit keeps the
 * store's RecordStore, CatalogStore, OperationLog, UnitOfWork, IdempotencyStore and IdGenerator,
 * and replaces its TimeSource with a {@link io.archivist.application.contract.MovableClock}
 * (R10's 24 hours, R11's retention). Override {@code policy()} to change the service limits.
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
 * <h2>The chain</h2>
 * StoreContract → ConcurrencyContract → PlannerAgreementContract → AtomicityContract →
 * IsolationContract → PagingContract → HistoryContract → PreviewContract (R13) → BulkContract (R12)
 * → RetentionContract (R11) → IdempotencyContract (R10) → ReadOnlyContract (R9, R10 If-Match) → BatchContract (seed writes) →
 * UniqueContract (R6) → RestoreContract (R5) → PurgeContract (R3, R4, R7) → ArchiveContract (R1, R2, R7)
 * → StoreContractSupport (hooks, builders, the invariant check after each test) → KitTypes (the catalog).
 */
package io.archivist.application.contract;
