import { createHash } from 'node:crypto';
import type {
  ClusterStatus,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';

function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64');
}

/**
 * A digest of what the page shows of an app, leaving out the timestamps that Skiperator
 * and Argo CD rewrite on every reconcile: two summaries that differ only there are equal.
 */
export function noticeableAppState(summary: SkiperatorAppSummary): string {
  return digest({
    ...summary,
    summary: { ...summary.summary, timestamp: undefined },
    conditions: summary.conditions.map(c => ({
      ...c,
      lastTransitionTime: undefined,
    })),
    argo: summary.argo && { ...summary.argo, reconciledAt: undefined },
  });
}

/**
 * A digest of a cluster's row without `lastSeenAt` (it moves with every watch event) and
 * without the time the admin cluster last rewrote an upgrade's record.
 */
export function noticeableClusterState(row: ClusterStatus): string {
  return digest({
    ...row,
    freshness: { ...row.freshness, lastSeenAt: undefined },
    upgradeInProgress: row.upgradeInProgress && {
      ...row.upgradeInProgress,
      since: undefined,
    },
  });
}
