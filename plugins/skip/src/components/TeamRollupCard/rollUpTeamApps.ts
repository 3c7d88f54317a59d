import {
  byPromotionOrder,
  Health,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import { environmentsOf } from '../EntitySkipOverviewCard/summarizeAppStates';

/** One app of a team (by name) and its state in each place it runs. */
export type TeamAppRow = {
  name: string;
  /** Its deployments in promotion order. */
  deployments: SkiperatorAppSummary[];
  /** The worst health of its deployments. */
  health: Health;
};

const RANK: Record<Health, number> = {
  Degraded: 0,
  Progressing: 1,
  Unknown: 2,
  Healthy: 3,
};

/** A team's apps by name, failing ones first, then by name. */
export function rollUpTeamApps(apps: SkiperatorAppSummary[]): TeamAppRow[] {
  const byName = new Map<string, SkiperatorAppSummary[]>();
  for (const app of apps) {
    byName.set(app.name, [...(byName.get(app.name) ?? []), app]);
  }
  return [...byName.entries()]
    .map(([name, deployments]) => {
      const sorted = [...deployments].sort(byPromotionOrder);
      const health = sorted
        .map(d => d.health)
        .reduce((worst, h) => (RANK[h] < RANK[worst] ? h : worst), 'Healthy');
      return { name, deployments: sorted, health };
    })
    .sort(
      (a, b) => RANK[a.health] - RANK[b.health] || a.name.localeCompare(b.name),
    );
}

/** "4 apps · 7 deployments · 1 failing (dev)": the team at a glance. */
export function describeTeamApps(apps: SkiperatorAppSummary[]): string {
  const rows = rollUpTeamApps(apps);
  const failing = apps.filter(a => a.health === 'Degraded');
  const parts = [
    `${rows.length} ${rows.length === 1 ? 'app' : 'apps'}`,
    `${apps.length} ${apps.length === 1 ? 'deployment' : 'deployments'}`,
  ];
  if (failing.length > 0) {
    const failingApps = new Set(failing.map(a => a.name)).size;
    parts.push(
      `${failingApps} failing (${environmentsOf(failing).join(', ')})`,
    );
  } else {
    parts.push('none failing');
  }
  return parts.join(' · ');
}
