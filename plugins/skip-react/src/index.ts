/**
 * Shared React parts of SKIP Portal.
 *
 * @packageDocumentation
 */
export {};
