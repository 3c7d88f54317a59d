/**
 * Test helpers shared by the SKIP backend plugins (`@internal/plugin-skip-node/testUtils`);
 * never loaded by the product.
 *
 * @packageDocumentation
 */
export * from './testUtils/contractCheckingProxy';
export * from './testUtils/eventually';
