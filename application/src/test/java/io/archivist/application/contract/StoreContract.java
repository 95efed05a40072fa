package io.archivist.application.contract;

/**
 * The whole store contract kit. A store passes it by extending this one class:
 * <pre>
 * class H2StoreTest extends StoreContract {
 *     &#64;Override protected StorePorts ports() { return ...; }
 * }
 * </pre>
 * Each link of the chain above is one topic of docs/lifecycle.md; see {@link StoreContractSupport} for the hooks.
 */
public abstract class StoreContract extends CatalogContract {
}
