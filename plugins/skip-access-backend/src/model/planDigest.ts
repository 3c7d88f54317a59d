import { createHash } from 'node:crypto';
import type { AccessBindingChange } from '@internal/plugin-skip-common';
import { compareText } from './bindingKey';

/**
 * The sha256 (hex) of what a plan would change. An apply sends the digest of the plan it
 * previewed and is refused when the plan now has another one, so a person never applies
 * changes they did not see. Only what the changes do counts (not their order, reasons or
 * diffs), so the same plan always has the same digest.
 */
export function planDigest(
  clusters: { cluster: string; changes: AccessBindingChange[] }[],
): string {
  const entries = clusters
    .flatMap(({ cluster, changes }) =>
      changes.map(change =>
        JSON.stringify([
          cluster,
          change.action,
          change.kind,
          change.namespace ?? '',
          change.name,
          change.role,
          [...change.groups].sort(compareText),
        ]),
      ),
    )
    .sort(compareText);
  return createHash('sha256')
    .update(`[${entries.join(',')}]`)
    .digest('hex');
}
