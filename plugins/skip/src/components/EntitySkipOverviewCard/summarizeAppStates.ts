import {
  byPromotionOrder,
  Environment,
  ENVIRONMENTS,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';

/** A set of apps at a glance: where they run, which fail, and what Argo CD says. */
export type AppStatesSummary = {
  environments: Environment[];
  failing: SkiperatorAppSummary[];
  progressing: SkiperatorAppSummary[];
  /** Apps Argo CD reports out of sync (those without an Argo CD app are not counted). */
  outOfSync: SkiperatorAppSummary[];
  /** Apps whose Argo CD sync status is not known (e.g. its cluster does not answer). */
  syncUnknown: SkiperatorAppSummary[];
  /** Apps with an Argo CD app. */
  argoManaged: number;
};

/** Environments of some apps, in promotion order, each once: "dev, prod". */
export function environmentsOf(apps: SkiperatorAppSummary[]): Environment[] {
  const present = new Set(apps.map(a => a.environment));
  return ENVIRONMENTS.filter(e => present.has(e));
}

/** Counts what the overview card and the team roll-up say. */
export function summarizeAppStates(
  apps: SkiperatorAppSummary[],
): AppStatesSummary {
  const sorted = [...apps].sort(byPromotionOrder);
  return {
    environments: environmentsOf(sorted),
    failing: sorted.filter(a => a.health === 'Degraded'),
    progressing: sorted.filter(a => a.health === 'Progressing'),
    outOfSync: sorted.filter(a => a.argo?.sync.status === 'OutOfSync'),
    syncUnknown: sorted.filter(a => a.argo?.sync.status === 'Unknown'),
    argoManaged: sorted.filter(a => a.argo).length,
  };
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "3 environments · 1 failing (dev) · Synced": one line a person reads at a glance. */
export function describeAppStates(summary: AppStatesSummary): string {
  const parts = [plural(summary.environments.length, 'environment')];
  if (summary.failing.length > 0) {
    parts.push(
      `${summary.failing.length} failing (${environmentsOf(
        summary.failing,
      ).join(', ')})`,
    );
  }
  if (summary.progressing.length > 0) {
    parts.push(
      `${summary.progressing.length} progressing (${environmentsOf(
        summary.progressing,
      ).join(', ')})`,
    );
  }
  if (summary.outOfSync.length > 0) {
    parts.push(
      `${summary.outOfSync.length} out of sync (${environmentsOf(
        summary.outOfSync,
      ).join(', ')})`,
    );
  }
  if (summary.syncUnknown.length > 0) {
    parts.push(
      `${summary.syncUnknown.length} sync unknown (${environmentsOf(
        summary.syncUnknown,
      ).join(', ')})`,
    );
  }
  // "Synced" only when every Argo CD app says so.
  if (
    summary.argoManaged > 0 &&
    summary.outOfSync.length === 0 &&
    summary.syncUnknown.length === 0
  ) {
    parts.push('Synced');
  }
  return parts.join(' · ');
}
