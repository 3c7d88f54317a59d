import type {
  OnboardingPlannedObject,
  PrefixRequestEvent,
} from '@internal/plugin-skip-common';

/** An entity ref as people say it: `group:default/newteam` → `newteam`, other namespaces kept. */
export function shortRef(ref: string): string {
  const match = /^[^:]+:(?:default\/)?(.+)$/.exec(ref);
  return match ? match[1] : ref;
}

/** What one step of a request's history did, in words. */
export function describeEvent(event: PrefixRequestEvent): string {
  const what: Record<PrefixRequestEvent['action'], string> = {
    requested: 'requested',
    approved: 'approved',
    'auto-approved': 'approved by the policy',
    rejected: 'rejected',
    applied: 'applied on Argo CD',
    'apply-failed': 'apply failed',
    committed: 'committed to git',
    'commit-failed': 'commit to git failed',
    withdrawn: 'withdrawn',
    retired: 'retired',
  };
  return `${shortRef(event.actor)} ${what[event.action] ?? event.action}`;
}

/** Where a planned object goes: `argocd/newteam`. */
export function objectPath(object: OnboardingPlannedObject): string {
  return `${object.namespace}/${object.name}`;
}

/** The file name an export downloads under: `newteam-argocd.yaml`. */
export function exportFileName(prefix: string): string {
  return `${prefix}argocd.yaml`;
}
