import { KubeObject } from '../store/types';
import { badRequest } from './KubeStatusError';

type Requirement =
  | { op: 'exists' | '!exists'; key: string }
  | { op: 'in' | 'notin'; key: string; values: string[] };

/** A parsed label or field selector: matches an object when every requirement holds. */
export type Selector = (obj: KubeObject) => boolean;

// Split on commas that are not inside a set's parentheses.
function splitTerms(selector: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms.map(t => t.trim()).filter(Boolean);
}

function parseLabelTerm(term: string): Requirement {
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (set) {
    return { op: set[2] as 'in' | 'notin', key: set[1], values: set[3].split(',').map(v => v.trim()).filter(Boolean) };
  }
  const cmp = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (cmp) return { op: cmp[2] === '!=' ? 'notin' : 'in', key: cmp[1], values: [cmp[3]] };
  const neg = /^!\s*([^=!\s]+)$/.exec(term);
  if (neg) return { op: '!exists', key: neg[1] };
  if (/^[^=!\s(),]+$/.test(term)) return { op: 'exists', key: term };
  throw badRequest(`unable to parse requirement: found '${term}', expected: identifier`);
}

function holds(req: Requirement, value: string | undefined): boolean {
  switch (req.op) {
    case 'exists':
      return value !== undefined;
    case '!exists':
      return value === undefined;
    case 'in':
      return value !== undefined && req.values.includes(value);
    case 'notin':
      return value === undefined || !req.values.includes(value);
    default:
      return false;
  }
}

/** Parses a labelSelector (=, ==, !=, key, !key, in, notin). */
export function parseLabelSelector(selector: string | undefined): Selector | undefined {
  if (!selector?.trim()) return undefined;
  const reqs = splitTerms(selector).map(parseLabelTerm);
  return obj => reqs.every(r => holds(r, obj.metadata.labels?.[r.key]));
}

const FIELD_PATHS: Record<string, (obj: KubeObject) => unknown> = {
  'metadata.name': o => o.metadata.name,
  'metadata.namespace': o => o.metadata.namespace ?? '',
  'involvedObject.name': o => (o.involvedObject as any)?.name,
  'involvedObject.kind': o => (o.involvedObject as any)?.kind,
  'involvedObject.namespace': o => (o.involvedObject as any)?.namespace,
  'involvedObject.uid': o => (o.involvedObject as any)?.uid,
  'status.phase': o => (o.status as any)?.phase,
  'spec.nodeName': o => (o.spec as any)?.nodeName,
  type: o => o.type,
  reason: o => o.reason,
};

/** Parses a fieldSelector (=, ==, != on the fields real servers index for the kinds served). */
export function parseFieldSelector(selector: string | undefined): Selector | undefined {
  if (!selector?.trim()) return undefined;
  const reqs = splitTerms(selector).map(term => {
    const m = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${selector}'; can't understand '${term}'`);
    const read = FIELD_PATHS[m[1]];
    if (!read) throw badRequest(`field label not supported: ${m[1]}`);
    return { read, negate: m[2] === '!=', value: m[3] };
  });
  return obj =>
    reqs.every(r => {
      const actual = r.read(obj);
      const equal = String(actual ?? '') === r.value;
      return r.negate ? !equal : equal;
    });
}
