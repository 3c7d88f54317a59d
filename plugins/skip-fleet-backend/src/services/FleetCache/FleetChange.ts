import { AppRef } from './refs';

/**
 * Something in the cache moved that may change what a page shows: a cluster's row, or one
 * Skiperator app's summary. Listeners compare what is shown to decide whether it really
 * changed (a watch event that only moves a timestamp still arrives here).
 */
export type FleetChange =
  | { type: 'cluster'; cluster: string }
  | {
      type: 'app';
      app: AppRef;
      /** From a kind's first list since start: what the cluster already held, not a change. */
      initial: boolean;
    };
