import { SkiperatorAppSummary } from '@internal/plugin-skip-common';

// Skiperator writes these with a success message ("All subresources synced"): not a problem.
const SKIPERATOR_OK = ['Synced', 'Ready'];

/**
 * Why an app with no failing resource is not healthy, in one line: Skiperator's own
 * complaint, then Argo CD's, then what the numbers say. Never Skiperator's success message.
 */
export function notHealthyReason(app: SkiperatorAppSummary): string {
  if (app.summary.message && !SKIPERATOR_OK.includes(app.summary.status)) {
    return app.summary.message;
  }
  if (app.argo?.health.message) return app.argo.health.message;
  if (app.argo?.sync.status === 'OutOfSync') {
    return 'Out of sync: git has changes Argo CD has not applied yet';
  }
  if (app.replicas.ready < app.replicas.desired) {
    return `${app.replicas.ready} of ${app.replicas.desired} replicas ready`;
  }
  return `Health ${app.health.toLowerCase()}`;
}
