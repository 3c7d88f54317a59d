import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
  AuditorServiceEventSeverityLevel,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';

import { audited } from './audited';

/** Who asks for a change: their credentials decide, the request names them in the audit log. */
export type Caller = {
  credentials: BackstageCredentials;
  request?: AuditorServiceCreateEventOptions['request'];
};

/** The object on a cluster that a change is made to. */
export type ClusterChangeTarget = {
  cluster: string;
  namespace?: string;
  apiVersion: string;
  kind: string;
  name: string;
};

/**
 * Runs one change on a cluster as an audit event: `initiated` before, then `succeeded`
 * or `failed` with the error. Who made it comes from the request; what and where from
 * the target. Every SKIP plugin that changes a cluster goes through here.
 */
export async function auditClusterChange<T>(
  options: {
    auditor: AuditorService;
    /** kebab-case, e.g. `argocd-app-sync`. */
    eventId: string;
    request?: AuditorServiceCreateEventOptions['request'];
    target: ClusterChangeTarget;
    /** What the change does, in a few words the audit log can be searched for. */
    action: string;
    severityLevel?: AuditorServiceEventSeverityLevel;
    meta?: Record<string, string | number | boolean | undefined>;
  },
  change: () => Promise<T>,
): Promise<T> {
  const meta = JSON.parse(
    JSON.stringify({
      ...options.target,
      action: options.action,
      ...options.meta,
    }),
  );
  return audited(
    options.auditor,
    {
      eventId: options.eventId,
      severityLevel: options.severityLevel ?? 'medium',
      request: options.request,
      meta,
    },
    change,
  );
}
