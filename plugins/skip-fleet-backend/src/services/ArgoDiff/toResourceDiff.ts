import type {
  ArgoResourceChange,
  ArgoResourceDiff,
} from '@internal/plugin-skip-common';
import YAML from 'yaml';
import { unifiedLineDiff } from './unifiedLineDiff';

/** One item of Argo CD's `GET /api/v1/applications/{name}/managed-resources` (v1alpha1.ResourceDiff). */
export type ManagedResource = {
  group?: string;
  kind: string;
  namespace?: string;
  name: string;
  /** JSON strings; "null" or "" when that side has no object. */
  targetState?: string;
  liveState?: string;
  normalizedLiveState?: string;
  predictedLiveState?: string;
  hook?: boolean;
  modified?: boolean;
};

/** Metadata the server sets, which no git repo holds: never a difference worth showing. */
const SERVER_METADATA = [
  'managedFields',
  'resourceVersion',
  'uid',
  'generation',
  'creationTimestamp',
];
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * A managed resource as a developer reads it: what changed, and a unified diff of the YAML of
 * the live object (`-`) and of git's (`+`). As Argo CD's UI does, the live side is the
 * normalized live state and the desired side the predicted live state when Argo CD sent them
 * (what a sync would leave, defaults included), else the plain target.
 */
export function toResourceDiff(resource: ManagedResource): ArgoResourceDiff {
  let desired =
    parseState(resource.predictedLiveState) ?? parseState(resource.targetState);
  let live =
    parseState(resource.normalizedLiveState) ?? parseState(resource.liveState);
  if (resource.kind === 'Secret' && !resource.group) {
    [live, desired] = maskSecretValues(live, desired);
  }
  const change = changeOf(desired, live, resource.modified);
  return {
    ...(resource.group ? { group: resource.group } : {}),
    kind: resource.kind,
    ...(resource.namespace ? { namespace: resource.namespace } : {}),
    name: resource.name,
    change,
    diff:
      change === 'none' ? '' : unifiedLineDiff(toYaml(live), toYaml(desired)),
  };
}

function changeOf(
  desired: object | undefined,
  live: object | undefined,
  modified: boolean | undefined,
): ArgoResourceChange {
  if (desired && !live) return 'missing';
  if (live && !desired) return 'extra';
  // Argo CD's verdict, which knows the app's ignoreDifferences.
  return modified ? 'modified' : 'none';
}

function parseState(state: string | undefined): object | undefined {
  if (!state) return undefined;
  try {
    const parsed: unknown = JSON.parse(state);
    return parsed && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function toYaml(obj: object | undefined): string {
  return obj ? YAML.stringify(comparable(obj), { sortMapEntries: true }) : '';
}

/** The object without status and server-set metadata. */
function comparable(obj: object): object {
  const {
    status: _status,
    metadata,
    ...rest
  } = obj as { status?: unknown; metadata?: Record<string, unknown> };
  if (!metadata) return rest;
  const kept = Object.fromEntries(
    Object.entries(metadata).filter(([key]) => !SERVER_METADATA.includes(key)),
  );
  const annotations = kept.annotations as Record<string, string> | undefined;
  if (annotations && LAST_APPLIED in annotations) {
    const { [LAST_APPLIED]: _lastApplied, ...others } = annotations;
    if (Object.keys(others).length) kept.annotations = others;
    else delete kept.annotations;
  }
  return { ...rest, metadata: kept };
}

const SECRET_FIELDS = ['data', 'stringData'] as const;
const MASK = '++++++++';

/**
 * A Secret's values never leave the backend, whoever may look into the namespace (Argo CD's
 * API masks them too, but the portal does not rely on the other side): each value becomes
 * `++++++++` on both sides, one `+` longer on git's side where the two differ, as Argo CD's UI
 * shows a changed secret.
 */
export function maskSecretValues(
  live: object | undefined,
  desired: object | undefined,
): [object | undefined, object | undefined] {
  const valuesOf = (obj: object | undefined, field: string) =>
    ((obj as Record<string, unknown> | undefined)?.[field] ?? {}) as Record<
      string,
      unknown
    >;
  const masked = (
    obj: object | undefined,
    other: object | undefined,
    changedMask: string,
  ) => {
    if (!obj) return obj;
    const copy = { ...(obj as Record<string, unknown>) };
    for (const field of SECRET_FIELDS) {
      const values = valuesOf(obj, field);
      if (!(field in copy)) continue;
      const others = valuesOf(other, field);
      copy[field] = Object.fromEntries(
        Object.keys(values).map(key => [
          key,
          values[key] === others[key] ? MASK : changedMask,
        ]),
      );
    }
    return copy;
  };
  return [masked(live, desired, MASK), masked(desired, live, `${MASK}+`)];
}
