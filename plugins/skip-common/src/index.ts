/**
 * The shared catalog model of SKIP Portal: zod schemas and types, permissions and annotations.
 *
 * @packageDocumentation
 */
export * from './model/environment';
export * from './model/cluster';
export * from './model/team';
export * from './model/namespaceOwnership';
export * from './model/argocd';
export * from './model/argoDetails';
export * from './model/argoDiff';
export * from './model/skiperator';
export * from './upgrades/types';
export * from './upgrades/signals';
export * from './access/ruleSchema';
export * from './access/types';
export * from './access/bindingLabels';
export * from './onboarding/types';
export * from './fleet/types';
export * from './fleet/failureExplanation';
export * from './fleet/resourceTree';
export * from './fleet/clusterDetails';
export * from './fleet/clusterErrors';
export * from './fleet/containerLog';
export * from './fleet/signals';
export * from './fleet/accessPolicy';
export * from './permissions';
export * from './annotations';
export * from './client';
export type {
  paths as SkipFleetPaths,
  components as SkipFleetComponents,
} from './generated/skipFleet';
export type {
  paths as SkipAccessPaths,
  components as SkipAccessComponents,
} from './generated/skipAccess';
export type {
  paths as SkipOnboardingPaths,
  components as SkipOnboardingComponents,
} from './generated/skipOnboarding';
