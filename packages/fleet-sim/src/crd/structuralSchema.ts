/** The parts of a CRD's structural OpenAPI v3 schema that defaulting, pruning and validation read. */
export type StructuralSchema = {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, StructuralSchema>;
  additionalProperties?: StructuralSchema | boolean;
  items?: StructuralSchema;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  [key: string]: unknown;
};

/** A JSON object, as decoded from a request body. */
export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields the API server handles itself at a resource's root (and an embedded resource's). */
const TYPE_META_AND_METADATA = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Prunes fields the schema does not declare and applies `default:` values, in place, the way
 * kube-apiserver's structural pruning and defaulting do: a default applies when its field is
 * absent (or null and not nullable) and its parent object exists; defaults recurse into the values
 * they set; `x-kubernetes-preserve-unknown-fields` keeps undeclared fields; a non-nullable null
 * without a default is dropped; a root's (or embedded resource's) apiVersion, kind and metadata are
 * left alone. Returns the paths of the pruned fields, e.g. `.spec.colour`.
 *
 * Written by hand because no JSON Schema library does this the Kubernetes way: ajv's
 * `useDefaults`/`removeAdditional` ignore `x-kubernetes-*`, nullable-without-default pruning and
 * embedded resources, and would also rewrite fields under anyOf branches, which Kubernetes never does.
 */
export function pruneAndDefault(obj: JsonObject, schema: StructuralSchema): string[] {
  const pruned: string[] = [];
  walkObject(obj, schema, '', true, pruned);
  return pruned;
}

function walkObject(obj: JsonObject, schema: StructuralSchema, path: string, isResourceRoot: boolean, pruned: string[]): void {
  const properties = schema.properties;
  const additional = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  const preserveUnknown = !!schema['x-kubernetes-preserve-unknown-fields'] || schema.additionalProperties === true;
  for (const key of Object.keys(obj)) {
    if (isResourceRoot && TYPE_META_AND_METADATA.has(key)) continue;
    const child = properties?.[key] ?? additional;
    if (!child) {
      if (!preserveUnknown) {
        delete obj[key];
        pruned.push(`${path}.${key}`);
      }
      continue;
    }
    if (obj[key] === null && !child.nullable) {
      if (child.default === undefined) delete obj[key];
      else obj[key] = structuredClone(child.default);
    }
  }
  if (properties) {
    for (const [key, child] of Object.entries(properties)) {
      if (obj[key] === undefined && child.default !== undefined) obj[key] = structuredClone(child.default);
    }
  }
  for (const [key, value] of Object.entries(obj)) {
    if (isResourceRoot && TYPE_META_AND_METADATA.has(key)) continue;
    const child = properties?.[key] ?? additional;
    if (child) walkValue(value, child, `${path}.${key}`, pruned);
  }
}

function walkValue(value: unknown, schema: StructuralSchema, path: string, pruned: string[]): void {
  if (Array.isArray(value)) {
    if (!schema.items) return;
    for (const [i, item] of value.entries()) walkValue(item, schema.items, `${path}[${i}]`, pruned);
    return;
  }
  if (!isJsonObject(value)) return;
  // An object without declared fields keeps whatever it holds only when the schema says so.
  if (schema.type === 'object' || schema.properties || schema.additionalProperties !== undefined) {
    walkObject(value, schema, path, !!schema['x-kubernetes-embedded-resource'], pruned);
  }
}
