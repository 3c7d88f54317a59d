import { badRequest, KubeStatusError } from './KubeStatusError';

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 7386 JSON merge patch. */
export function jsonMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = jsonMergePatch(out[key], value);
  }
  return out;
}

/**
 * Strategic merge patch, approximated: merge-patch semantics, except that lists of objects that all
 * carry a `name` (containers, env, ports, volumes) are merged by name, and `$patch: delete` in such
 * an element removes it. Real servers pick merge keys per field from the Go types.
 */
export function strategicMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return structuredClone(patch);
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete out[key];
    } else if (Array.isArray(value) && Array.isArray(out[key]) && byName(value) && byName(out[key] as Json[])) {
      out[key] = mergeByName(out[key] as Record<string, Json>[], value as Record<string, Json>[]);
    } else {
      out[key] = strategicMergePatch(out[key], value);
    }
  }
  return out;
}

function byName(list: Json[]): boolean {
  return list.length > 0 && list.every(e => isObject(e) && typeof e.name === 'string');
}

function mergeByName(current: Record<string, Json>[], patch: Record<string, Json>[]): Json[] {
  const out = [...current];
  for (const element of patch) {
    const index = out.findIndex(e => e.name === element.name);
    if (element.$patch === 'delete') {
      if (index >= 0) out.splice(index, 1);
    } else if (index >= 0) {
      out[index] = strategicMergePatch(out[index], element) as Record<string, Json>;
    } else {
      out.push(strategicMergePatch({}, element) as Record<string, Json>);
    }
  }
  return out;
}

type Op = { op: string; path: string; from?: string; value?: Json };

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`the server rejected our request due to an error in our request: invalid JSON pointer "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function child(cur: unknown, part: string): any {
  if (Array.isArray(cur)) return cur[Number(part)];
  if (isObject(cur)) return cur[part];
  return undefined;
}

function parentOf(doc: Json, parts: string[], op: string): { parent: any; key: string } {
  let cur: any = doc;
  for (const part of parts.slice(0, -1)) {
    cur = child(cur, part);
    if (cur === undefined) {
      throw new KubeStatusError(422, `${op} operation does not apply: doc is missing path: /${parts.join('/')}`, 'Invalid');
    }
  }
  return { parent: cur, key: parts[parts.length - 1] };
}

function read(doc: Json, parts: string[]): Json {
  let cur: any = doc;
  for (const part of parts) {
    cur = child(cur, part);
    if (cur === undefined) return undefined;
  }
  return cur;
}

function missing(raw: Op): KubeStatusError {
  return new KubeStatusError(422, `${raw.op} operation does not apply: doc is missing path: ${raw.path}`, 'Invalid');
}

function add(doc: Json, raw: Op, parts: string[], value: Json): Json {
  if (parts.length === 0) return value;
  const { parent, key } = parentOf(doc, parts, raw.op);
  if (Array.isArray(parent)) {
    const index = key === '-' ? parent.length : Number(key);
    if (!(index >= 0 && index <= parent.length)) throw missing(raw);
    parent.splice(index, 0, value);
  } else if (isObject(parent)) parent[key] = value;
  else throw missing(raw);
  return doc;
}

function remove(doc: Json, raw: Op, parts: string[]): Json {
  const { parent, key } = parentOf(doc, parts, raw.op);
  if (Array.isArray(parent)) {
    const index = Number(key);
    if (!(index >= 0 && index < parent.length)) throw missing(raw);
    return parent.splice(index, 1)[0];
  }
  if (!isObject(parent) || !(key in parent)) throw missing(raw);
  const old = parent[key];
  delete parent[key];
  return old;
}

function applyOp(doc: Json, raw: Op): Json {
  const parts = pointer(raw.path);
  switch (raw.op) {
    case 'add':
      return add(doc, raw, parts, structuredClone(raw.value));
    case 'remove':
      remove(doc, raw, parts);
      return doc;
    case 'replace':
      remove(doc, raw, parts);
      return add(doc, raw, parts, structuredClone(raw.value));
    case 'move': {
      const from = pointer(raw.from ?? '');
      if (read(doc, from) === undefined) throw missing(raw);
      const value = remove(doc, { ...raw, path: raw.from ?? '' }, from);
      return add(doc, raw, parts, value);
    }
    case 'copy': {
      const value = read(doc, pointer(raw.from ?? ''));
      if (value === undefined) throw missing(raw);
      return add(doc, raw, parts, structuredClone(value));
    }
    case 'test':
      if (JSON.stringify(read(doc, parts)) !== JSON.stringify(raw.value)) {
        throw new KubeStatusError(422, `testing value ${raw.path} failed`, 'Invalid');
      }
      return doc;
    default:
      throw badRequest(`Unexpected kind: ${raw.op}`);
  }
}

/** RFC 6902 JSON patch (add, remove, replace, move, copy, test). */
export function jsonPatch(target: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw badRequest('json patch must be a list of operations');
  let doc = structuredClone(target);
  for (const raw of ops as Op[]) doc = applyOp(doc, raw);
  return doc;
}
