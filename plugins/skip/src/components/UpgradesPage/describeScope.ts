import type { UpgradeScope } from '@internal/plugin-skip-common';

/** A scope in plain words: "whole ladder", "environment dev", "cluster atkv3-dev". */
export function describeScope(scope: UpgradeScope): string {
  if (scope.kind === 'cluster') return `cluster ${scope.cluster ?? '?'}`;
  if (scope.kind === 'environment') {
    return `environment ${scope.environment ?? '?'}`;
  }
  return 'whole ladder (sandbox → dev → test → prod)';
}
