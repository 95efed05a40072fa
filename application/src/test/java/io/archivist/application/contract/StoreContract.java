package io.archivist.application.contract;

/**
 * The whole store contract kit: every contract, each one topic of docs/lifecycle.md. A store passes
 * it by implementing this one interface and handing the kit a fresh {@link KitFixture} per test:
 * <pre>
 * class H2StoreTest implements StoreContract {
 *     private final KitFixture kit = new KitFixture(...the store's ports...);
 *
 *     &#64;Override
 *     public KitFixture kit() {
 *         return kit;
 *     }
 * }
 * </pre>
 * A store still on its way may implement some of the contracts instead; a new contract is one more
 * interface here. See {@link StoreContractSupport} for the helpers they share.
 */
public interface StoreContract
        extends ArchiveContract,
                PurgeContract,
                RestoreContract,
                UniqueContract,
                BatchContract,
                ReadOnlyContract,
                IdempotencyContract,
                RetentionContract,
                BulkContract,
                PreviewContract,
                NamedPreviewContract,
                HistoryContract,
                OperationLogContract,
                RestoreOperationContract,
                PagingContract,
                FindContract,
                IsolationContract,
                AtomicityContract,
                PlannerAgreementContract,
                ConcurrencyContract,
                CatalogContract,
                ScheduledTurnsContract {}
