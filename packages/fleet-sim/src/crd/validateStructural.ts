import { StatusCause } from '../server/KubeStatusError';
import { deepEqual } from '../store/deepEqual';
import { isJsonObject, JsonObject, StructuralSchema } from './structuralSchema';

/*
 * Validation of a custom resource against its CRD's OpenAPI v3 schema, worded as kube-apiserver words
 * it: kube-openapi's messages ("spec.port in body must be of type integer: \"string\"") wrapped in
 * apimachinery field errors ("spec.port: Invalid value: \"string\": ..."), with field paths such as
 * `spec.ports[0].port`. Hand-written rather than ajv because every ajv error would need rewording and
 * re-pathing anyway, and its formats differ from Kubernetes' (ajv-formats' `duration` is ISO 8601,
 * Kubernetes' is Go's `60s`). Covers type, nullable, int-or-string, required, enum, minimum/maximum
 * (and exclusive), minLength/maxLength, pattern, minItems/maxItems, minProperties/maxProperties and
 * the date-time format. Not covered: anyOf/allOf/oneOf/not value validations and
 * x-kubernetes-validations (CEL rules).
 */

/** The causes of a 422 Invalid for `obj` (empty when valid). Run after pruning and defaulting. */
export function validateCustomResource(obj: JsonObject, schema: StructuralSchema): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const key of schema.required ?? []) {
    if (key !== 'metadata' && obj[key] === undefined) causes.push(required(key));
  }
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'apiVersion' || key === 'kind' || key === 'metadata') continue;
    const child = schema.properties?.[key];
    if (child) validateValue(value, child, key, causes);
  }
  return causes;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = jsonType(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** How apimachinery prints a bad value: strings quoted, numbers and booleans bare, the rest Go-ish. */
function printValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

function required(field: string): StatusCause {
  return { reason: 'FieldValueRequired', field, message: 'Required value' };
}

function invalidValue(field: string, value: unknown, detail: string): StatusCause {
  return { reason: 'FieldValueInvalid', field, message: `Invalid value: ${printValue(value)}: ${detail}` };
}

function typeInvalid(field: string, value: unknown, detail: string): StatusCause {
  return { reason: 'FieldValueTypeInvalid', field, message: `Invalid value: ${printValue(value)}: ${detail}` };
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const patterns = new Map<string, RegExp | undefined>();

function compiled(pattern: string): RegExp | undefined {
  if (!patterns.has(pattern)) {
    let re: RegExp | undefined;
    try {
      re = new RegExp(pattern);
    } catch {
      // An RE2 construct JavaScript does not know: not checked rather than wrongly refused.
      re = undefined;
    }
    patterns.set(pattern, re);
  }
  return patterns.get(pattern);
}

function validateValue(value: unknown, schema: StructuralSchema, path: string, causes: StatusCause[]): void {
  if (value === null && schema.nullable) return;
  if (schema['x-kubernetes-int-or-string']) {
    if (!hasType(value, 'integer') && typeof value !== 'string') {
      causes.push(typeInvalid(path, jsonType(value), `${path} in body must be of type integer,string: ${JSON.stringify(jsonType(value))}`));
    }
    return;
  }
  if (schema.type && !hasType(value, schema.type)) {
    causes.push(typeInvalid(path, jsonType(value), `${path} in body must be of type ${schema.type}: ${JSON.stringify(jsonType(value))}`));
    return;
  }
  if (schema.enum && !schema.enum.some(allowed => deepEqual(allowed, value))) {
    const supported = schema.enum.map(v => JSON.stringify(typeof v === 'string' ? v : String(v))).join(', ');
    causes.push({ reason: 'FieldValueNotSupported', field: path, message: `Unsupported value: ${printValue(value)}: supported values: ${supported}` });
  }
  if (typeof value === 'string') validateString(value, schema, path, causes);
  else if (typeof value === 'number') validateNumber(value, schema, path, causes);
  else if (Array.isArray(value)) validateArray(value, schema, path, causes);
  else if (isJsonObject(value)) validateObject(value, schema, path, causes);
}

function validateString(value: string, schema: StructuralSchema, path: string, causes: StatusCause[]): void {
  if (schema.maxLength !== undefined && [...value].length > schema.maxLength) {
    causes.push({ reason: 'FieldValueTooLong', field: path, message: `Too long: may not be more than ${schema.maxLength} bytes` });
  }
  if (schema.minLength !== undefined && [...value].length < schema.minLength) {
    causes.push(invalidValue(path, value, `${path} in body should be at least ${schema.minLength} chars long`));
  }
  const pattern = schema.pattern ? compiled(schema.pattern) : undefined;
  if (pattern && !pattern.test(value)) {
    causes.push(invalidValue(path, value, `${path} in body should match '${schema.pattern}'`));
  }
  if (schema.format === 'date-time' && !RFC3339.test(value)) {
    causes.push(typeInvalid(path, value, `${path} in body must be of type date-time: ${JSON.stringify(value)}`));
  }
}

function validateNumber(value: number, schema: StructuralSchema, path: string, causes: StatusCause[]): void {
  if (schema.maximum !== undefined) {
    if (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum) {
      const how = schema.exclusiveMaximum ? 'less than' : 'less than or equal to';
      causes.push(invalidValue(path, value, `${path} in body should be ${how} ${schema.maximum}`));
    }
  }
  if (schema.minimum !== undefined) {
    if (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum) {
      const how = schema.exclusiveMinimum ? 'greater than' : 'greater than or equal to';
      causes.push(invalidValue(path, value, `${path} in body should be ${how} ${schema.minimum}`));
    }
  }
}

function validateArray(value: unknown[], schema: StructuralSchema, path: string, causes: StatusCause[]): void {
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    causes.push({ reason: 'FieldValueTooMany', field: path, message: `Too many: ${value.length}: must have at most ${schema.maxItems} items` });
  }
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    causes.push(invalidValue(path, value, `${path} in body should have at least ${schema.minItems} items`));
  }
  if (!schema.items) return;
  for (const [i, item] of value.entries()) validateValue(item, schema.items, `${path}[${i}]`, causes);
}

function validateObject(value: JsonObject, schema: StructuralSchema, path: string, causes: StatusCause[]): void {
  const count = Object.keys(value).length;
  if (schema.maxProperties !== undefined && count > schema.maxProperties) {
    causes.push({ reason: 'FieldValueTooMany', field: path, message: `Too many: ${count}: must have at most ${schema.maxProperties} items` });
  }
  if (schema.minProperties !== undefined && count < schema.minProperties) {
    causes.push(invalidValue(path, value, `${path} in body should have at least ${schema.minProperties} properties`));
  }
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) causes.push(required(`${path}.${key}`));
  }
  const embedded = !!schema['x-kubernetes-embedded-resource'];
  const additional = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  for (const [key, child] of Object.entries(value)) {
    if (embedded && key === 'metadata') continue;
    const childSchema = schema.properties?.[key] ?? additional;
    if (childSchema) validateValue(child, childSchema, `${path}.${key}`, causes);
  }
}
