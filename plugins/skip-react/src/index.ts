/**
 * Shared React parts of SKIP Portal: the fleet API reference, the loading hook that
 * follows pushed changes, and the UI pieces every SKIP page shows.
 *
 * @packageDocumentation
 */
export { skipFleetApiRef, skipFleetApiFactory } from './api';
export { skipUpgradesApiRef, skipUpgradesApiFactory } from './api';
export { skipAccessApiRef, skipAccessApiFactory } from './api';
export { skipOnboardingApiRef, skipOnboardingApiFactory } from './api';
export { useFleetData, FALLBACK_POLL_MS } from './hooks/useFleetData';
export type { FleetDataState, UseFleetDataOptions } from './hooks/useFleetData';
export { useSignalledData } from './hooks/useSignalledData';
export type {
  SignalledDataState,
  UseSignalledDataOptions,
} from './hooks/useSignalledData';
export { useNow } from './hooks/useNow';
export { fleetAppKey, namesAnyOf } from './lib/fleetChanges';
export { formatTimeAgo } from './lib/formatTimeAgo';
export { describeError, isNotAllowedError } from './lib/describeError';
export { Age } from './components/Age';
export type { AgeProps } from './components/Age';
export { AsyncContent } from './components/AsyncContent';
export type {
  AsyncContentProps,
  AsyncContentEmpty,
} from './components/AsyncContent';
export { BreakableName } from './components/BreakableName';
export type { BreakableNameProps } from './components/BreakableName';
export { NotFoundPage } from './components/NotFoundPage';
export type { NotFoundPageProps } from './components/NotFoundPage';
export { SkeletonRows } from './components/SkeletonRows';
export type { SkeletonRowsProps } from './components/SkeletonRows';
export { ClusterWarnings } from './components/ClusterWarnings';
export type { ClusterWarningsProps } from './components/ClusterWarnings';
export { Freshness } from './components/Freshness';
export type { FreshnessProps } from './components/Freshness';
