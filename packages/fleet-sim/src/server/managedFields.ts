import { deepEqual } from '../store/deepEqual';
import { KubeObject } from '../store/types';
import { KubeStatusError, StatusCause } from './KubeStatusError';

/** One metav1.ManagedFieldsEntry. */
export type ManagedFieldsEntry = {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: Record<string, unknown>;
  subresource?: string;
};

type Path = string[];
type Json = unknown;

const IGNORED_META = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The leaf field paths an object sets. Lists are atomic (one leaf), as for `+listType=atomic`;
 * real servers track keyed lists element by element.
 */
export function leafPaths(obj: Json, prefix: Path = []): Path[] {
  if (!isObject(obj) || (Object.keys(obj).length === 0 && prefix.length > 0)) return prefix.length ? [prefix] : [];
  const out: Path[] = [];
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue;
    if (prefix.length === 0 && (key === 'apiVersion' || key === 'kind')) continue;
    if (prefix.length === 1 && prefix[0] === 'metadata' && IGNORED_META.has(key)) continue;
    out.push(...leafPaths(value, [...prefix, key]));
  }
  return out;
}

function valueAt(obj: Json, path: Path): Json {
  let cur = obj;
  for (const part of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function deleteAt(obj: Json, path: Path): void {
  const parents: Record<string, Json>[] = [];
  let cur = obj;
  for (const part of path.slice(0, -1)) {
    if (!isObject(cur)) return;
    parents.push(cur);
    cur = cur[part];
  }
  if (!isObject(cur)) return;
  delete cur[path[path.length - 1]];
  // Drop maps the removal left empty, as the real server's field pruning does.
  for (let i = path.length - 2; i >= 0; i--) {
    const child = parents[i]?.[path[i]];
    if (i === 0 && path[0] === 'metadata') break;
    if (isObject(child) && Object.keys(child).length === 0) delete parents[i][path[i]];
    else break;
  }
}

function toFieldsV1(paths: Path[]): Record<string, unknown> {
  const root: Record<string, any> = {};
  for (const path of paths) {
    let cur = root;
    for (const part of path) {
      cur[`f:${part}`] = cur[`f:${part}`] ?? {};
      cur = cur[`f:${part}`];
    }
  }
  return root;
}

/** The FieldsV1 set of every field `obj` sets (as `leafPaths` sees them). */
export function fieldsV1Of(obj: Json): Record<string, unknown> {
  return toFieldsV1(leafPaths(obj));
}

function fromFieldsV1(fields: Json, prefix: Path = []): Path[] {
  if (!isObject(fields)) return [];
  const children = Object.keys(fields).filter(k => k.startsWith('f:'));
  if (children.length === 0) return prefix.length ? [prefix] : [];
  return children.flatMap(k => fromFieldsV1(fields[k], [...prefix, k.slice(2)]));
}

const keyOf = (p: Path) => JSON.stringify(p);
const overlaps = (a: Path, b: Path) => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
};
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

function entries(obj: KubeObject | undefined): ManagedFieldsEntry[] {
  return ((obj?.metadata.managedFields as ManagedFieldsEntry[] | undefined) ?? []).filter(e => e && e.manager !== undefined);
}

function entry(manager: string, operation: 'Apply' | 'Update', apiVersion: string, paths: Path[], subresource?: string): ManagedFieldsEntry {
  return {
    manager,
    operation,
    apiVersion,
    time: now(),
    fieldsType: 'FieldsV1',
    fieldsV1: toFieldsV1(paths),
    ...(subresource ? { subresource } : {}),
  };
}

function deepMerge(target: Json, patch: Json): Json {
  if (!isObject(patch) || !isObject(target)) return structuredClone(patch);
  const out: Record<string, Json> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = deepMerge(out[key], value);
  }
  return out;
}

/**
 * Server-side apply of `config` by `manager` onto `existing` (undefined: create). Conflicts with
 * other managers' differing fields raise 409 unless `force`, which takes the fields over. Fields this
 * manager applied before and no longer applies are removed unless another manager owns them.
 */
export function serverSideApply(opts: {
  existing: KubeObject | undefined;
  config: KubeObject;
  manager: string;
  force: boolean;
  apiVersion: string;
  subresource?: string;
}): KubeObject {
  const { existing, config, manager, force, apiVersion, subresource } = opts;
  const applied = leafPaths(config);
  const others = entries(existing).filter(e => !(e.manager === manager && e.operation === 'Apply'));
  const mine = entries(existing).find(e => e.manager === manager && e.operation === 'Apply');

  const conflicts: { manager: string; path: Path }[] = [];
  const othersPaths = others.map(e => ({ entry: e, paths: fromFieldsV1(e.fieldsV1) }));
  for (const other of othersPaths) {
    for (const path of applied) {
      const hit = other.paths.find(p => overlaps(p, path));
      if (hit && !deepEqual(valueAt(existing, path), valueAt(config, path))) {
        conflicts.push({ manager: other.entry.manager, path });
      }
    }
  }
  if (conflicts.length && !force) throw applyConflict(conflicts);

  const result = structuredClone(existing ?? { apiVersion: config.apiVersion, kind: config.kind, metadata: { name: config.metadata.name } }) as KubeObject;
  const appliedKeys = new Set(applied.map(keyOf));
  const keptOthers = othersPaths.map(o => ({
    entry: o.entry,
    paths: o.paths.filter(p => !conflicts.some(c => c.manager === o.entry.manager && overlaps(c.path, p))),
  }));
  for (const path of mine ? fromFieldsV1(mine.fieldsV1) : []) {
    if (appliedKeys.has(keyOf(path))) continue;
    if (keptOthers.some(o => o.paths.some(p => keyOf(p) === keyOf(path)))) continue;
    deleteAt(result, path);
  }
  const merged = deepMerge(result, config) as KubeObject;
  merged.apiVersion = config.apiVersion;
  merged.kind = config.kind;
  merged.metadata = { ...merged.metadata, name: config.metadata.name, namespace: existing?.metadata.namespace ?? config.metadata.namespace };

  const unchanged = existing && deepEqual({ ...merged, metadata: { ...merged.metadata, managedFields: undefined } }, { ...existing, metadata: { ...existing.metadata, managedFields: undefined } });
  const sameSet = mine && deepEqual(mine.fieldsV1, toFieldsV1(applied));
  const newEntries = [
    ...keptOthers.filter(o => o.paths.length).map(o => (o.paths.length === fromFieldsV1(o.entry.fieldsV1).length ? o.entry : { ...o.entry, fieldsV1: toFieldsV1(o.paths) })),
    unchanged && sameSet && mine ? mine : entry(manager, 'Apply', apiVersion, applied, subresource),
  ];
  merged.metadata.managedFields = newEntries;
  return merged;
}

function applyConflict(conflicts: { manager: string; path: Path }[]): KubeStatusError {
  const field = (p: Path) => `.${p.join('.')}`;
  const causes: StatusCause[] = conflicts.map(c => ({
    reason: 'FieldManagerConflict',
    message: `conflict with "${c.manager}"`,
    field: field(c.path),
  }));
  const message =
    conflicts.length === 1
      ? `Apply failed with 1 conflict: conflict with "${conflicts[0].manager}": ${field(conflicts[0].path)}`
      : `Apply failed with ${conflicts.length} conflicts: ${conflicts.map(c => `conflict with "${c.manager}": ${field(c.path)}`).join('\n')}`;
  return new KubeStatusError(409, message, 'Conflict', { causes });
}

/**
 * Records a non-apply write (create, update, patch) by `manager`: the fields it changed become its
 * own (operation Update) and leave other managers, without conflicts, as on a real server.
 */
export function recordUpdate(opts: {
  existing: KubeObject | undefined;
  updated: KubeObject;
  manager: string;
  apiVersion: string;
  subresource?: string;
}): KubeObject {
  const { existing, updated, manager, apiVersion, subresource } = opts;
  const paths = leafPaths(updated);
  const changed = paths.filter(p => !deepEqual(valueAt(existing, p), valueAt(updated, p)));
  const current = entries(existing);
  if (changed.length === 0) {
    updated.metadata.managedFields = current.length ? current : undefined;
    if (!updated.metadata.managedFields) delete updated.metadata.managedFields;
    return updated;
  }
  const present = new Set(paths.map(keyOf));
  const changedKeys = new Set(changed.map(keyOf));
  const out: ManagedFieldsEntry[] = [];
  let own: Path[] = [];
  for (const e of current) {
    const kept = fromFieldsV1(e.fieldsV1).filter(p => present.has(keyOf(p)));
    if (e.manager === manager && e.operation === 'Update') {
      own = kept;
      continue;
    }
    const left = kept.filter(p => !changedKeys.has(keyOf(p)));
    if (left.length) out.push(left.length === fromFieldsV1(e.fieldsV1).length ? e : { ...e, fieldsV1: toFieldsV1(left) });
  }
  const ownKeys = new Set(own.map(keyOf));
  for (const p of changed) if (!ownKeys.has(keyOf(p))) own.push(p);
  out.push(entry(manager, 'Update', apiVersion, own, subresource));
  updated.metadata.managedFields = out;
  return updated;
}
