import fc from 'fast-check';
import type { SkipRoute } from './skipRoutes';

/** One generated request to a route, ready to send. */
export type FuzzRequest = {
  method: 'get' | 'post';
  /** Path and query, every path parameter URL-encoded so it stays one segment. */
  url: string;
  /** Raw JSON text (possibly malformed) sent as application/json; undefined sends no body. */
  body?: string;
  /** Whether every input was drawn from the valid space (so it may reach a cluster). */
  valid: boolean;
  /** The decoded values sent in the path and query: what a 404 or 409 may name. */
  values: string[];
};

/** Real values per input name (clusters, namespaces, apps...), so valid inputs reach real objects. */
export type KnownValues = Record<string, readonly string[]>;

export type RequestArbitraryOptions = {
  known?: KnownValues;
  /** Values an input must never take, e.g. `follow=true`, which streams until the client leaves. */
  never?: Record<string, readonly string[]>;
  /** Path parameters of objects that exist, e.g. a real pod: valid requests use one of them often. */
  realPaths?: readonly Record<string, string>[];
  /** Weight of all-valid requests against fuzzed ones (default 1 : 9: valid ones reach a cluster, and are slow). */
  validWeight?: number;
  fuzzWeight?: number;
};

const LONG = 10_000;
/** The request line and headers share Node's 16 KB limit; a longer URL is a 431 from Node, before any router. */
const MAX_URL = 12_000;

/** Follows `$ref`s inside the route's own spec. */
export function resolveRef(spec: any, node: any): any {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    current = parts.reduce((n: any, p: string) => n?.[p], spec);
  }
  return current;
}

const traversal = [
  '../',
  '..',
  '.',
  '../../../../etc/passwd',
  '..\\..\\windows',
  '%2e%2e%2f',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2F..%2F',
  '%00',
  '%',
];
const prototypeWords = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
];
const shell = [
  '; rm -rf /',
  '| cat /etc/passwd',
  '&& id',
  '$(id)',
  '`id`',
  '${HOME}',
  "'; DROP TABLE x; --",
  '<script>alert(1)</script>',
  '*',
  '\n',
  '\r\n',
  ' ',
];
const unicode = [
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  'שלום',
  'مرحبا',
  '😀🚀',
  '👩‍👩‍👧',
  'é',
  '\ufeff',
  '\u200b',
  'İ',
  'Ⅻ',
];
const wrongTypes = [
  '0',
  '-1',
  '1.5',
  '1e309',
  'NaN',
  'Infinity',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
];

/** Strings no input should choke on. In a URL, the 10k strings are ASCII so the URL stays under Node's header limit. */
function hostileString(options: {
  inUrl: boolean;
  allowEmpty: boolean;
}): fc.Arbitrary<string> {
  const longChars = options.inUrl
    ? ['a', '0', '-', '.', '_', '~']
    : ['a', '.', '\u0000', '😀', 'ש', '/'];
  const metaUnit = fc.constantFrom(...';|&$()`<>\\\'"*?{}[]#%\n\t'.split(''));
  const arbs: fc.Arbitrary<string>[] = [
    fc.constantFrom(
      ...traversal,
      ...prototypeWords,
      ...shell,
      ...unicode,
      ...wrongTypes,
    ),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: metaUnit, minLength: 1, maxLength: 10 }),
    fc.constantFrom(...longChars).map(c => c.repeat(LONG)),
    fc
      .tuple(
        fc.constantFrom(
          'a',
          'group:default/',
          'component:default/',
          'kube-system',
        ),
        fc.constantFrom(...traversal, ...shell, ...unicode, ...prototypeWords),
      )
      .map(([a, b]) => a + b),
  ];
  if (options.allowEmpty) arbs.push(fc.constant(''));
  return fc.oneof(...arbs).filter(s => options.allowEmpty || s !== '');
}

/** Valid values per the schema, and the known real values of that input. */
export function validValue(
  schema: any,
  spec: any,
  known: readonly string[] | undefined,
): fc.Arbitrary<unknown> {
  const s = resolveRef(spec, schema) ?? {};
  const fromSchema = (): fc.Arbitrary<unknown> => {
    if (s.enum) return fc.constantFrom(...s.enum);
    switch (s.type) {
      case 'integer':
        return fc.integer({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
      case 'number':
        return fc.double({
          min: s.minimum ?? -1e6,
          max: s.maximum ?? 1e6,
          noNaN: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'object':
        return objectOf(s, spec, {}, () =>
          fc.constant<[string, unknown][]>([]),
        );
      default:
        // At most the schema's length, else 63 (a Kubernetes name), unless the pattern repeats
        // something more often than that (a sha256 is 64 hex digits).
        if (s.pattern) {
          const repeats = [...String(s.pattern).matchAll(/\{(\d+)/g)].map(m =>
            Number(m[1]),
          );
          return fc.stringMatching(new RegExp(s.pattern), {
            maxLength: s.maxLength ?? Math.max(63, ...repeats),
          });
        }
        return fc.string({ minLength: 1, maxLength: 30 });
    }
  };
  const choices: fc.Arbitrary<unknown>[] = [fromSchema()];
  if (s.example !== undefined) choices.push(fc.constant(s.example));
  if (known?.length)
    choices.push(fc.constantFrom(...known), fc.constantFrom(...known));
  return fc.oneof(...choices);
}

/** A valid object per `schema`: each property present or missing, plus `extra` entries. */
function objectOf(
  schema: any,
  spec: any,
  known: KnownValues,
  extra: () => fc.Arbitrary<[string, unknown][]>,
): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries<any>(schema.properties ?? {});
  const required = new Set<string>(schema.required ?? []);
  return fc
    .tuple(
      fc.tuple(
        ...props.map(([name, p]) =>
          required.has(name)
            ? validValue(p, spec, known[name])
            : fc.option(validValue(p, spec, known[name]), { nil: undefined }),
        ),
      ),
      extra(),
    )
    .map(([values, extras]) => {
      const out: Record<string, unknown> = {};
      props.forEach(([name], i) => {
        if (values[i] !== undefined) out[name] = values[i];
      });
      for (const [k, v] of extras) {
        Object.defineProperty(out, k, {
          value: v,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return out;
    });
}

/** JSON values of every type: what a body field of the wrong type looks like. */
const wrongJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), {
    maxKeys: 3,
  }),
  hostileString({ inUrl: false, allowEmpty: true }),
);

const hostileKey = fc.oneof(
  fc.constantFrom(...prototypeWords),
  hostileString({ inUrl: false, allowEmpty: true }),
);
const extraFields = fc.array(
  fc.tuple(
    hostileKey,
    fc.oneof(
      wrongJson,
      // Pollution attempts: a prototype key carrying the body's own fields.
      fc.constant({ prune: 'yes', type: 'evil', revision: '', polluted: true }),
      fc.constant({ prototype: { polluted: true } }),
    ),
  ),
  { maxLength: 3 },
);

/** A request body: valid, with wrong-typed, missing or extra fields, not an object, or not JSON. */
function bodyArbitrary(
  schema: any,
  spec: any,
  known: KnownValues,
  fuzz: boolean,
): fc.Arbitrary<string | undefined> {
  const valid = objectOf(schema, spec, known, () => fc.constant([]));
  if (!fuzz) {
    return fc.oneof(
      { arbitrary: valid.map(o => JSON.stringify(o)), weight: 4 },
      {
        arbitrary: objectOf(schema, spec, known, () => extraFields).map(o =>
          JSON.stringify(o),
        ),
        weight: 2,
      },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
  }
  const props = Object.keys(schema.properties ?? {});
  const mutated = fc
    .tuple(
      valid,
      fc.subarray(props, { minLength: 1 }),
      fc.array(wrongJson, { minLength: props.length, maxLength: props.length }),
      extraFields,
    )
    .map(([base, broken, values, extras]) => {
      const out: Record<string, unknown> = { ...base };
      broken.forEach((name, i) => {
        out[name] = values[i];
      });
      for (const [k, v] of extras) {
        Object.defineProperty(out, k, {
          value: v,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      }
      return JSON.stringify(out);
    });
  return fc.oneof(
    { arbitrary: mutated, weight: 6 },
    {
      arbitrary: objectOf(schema, spec, known, () => extraFields).map(o =>
        JSON.stringify(o),
      ),
      weight: 2,
    },
    { arbitrary: wrongJson.map(v => JSON.stringify(v)), weight: 2 },
    {
      arbitrary: fc.constantFrom(
        '{',
        '{"type":',
        '[1,',
        'nul',
        "{'a':1}",
        '{"a":1}}',
        '\u0000',
        '"',
        ' ',
        // Over express.json's 100 kB limit.
        `{"revision":"${'a'.repeat(200_000)}"}`,
      ),
      weight: 1,
    },
  );
}

/** One query parameter: missing, once, repeated (an array), nested (an object) or with hostile values. */
function queryEntries(
  name: string,
  value: fc.Arbitrary<string>,
  fuzz: boolean,
  required: boolean,
): fc.Arbitrary<[string, string][]> {
  const once = value.map(v => [[name, v]] as [string, string][]);
  const none = fc.constant<[string, string][]>([]);
  if (!fuzz) return required ? once : fc.oneof(once, none);
  return fc.oneof(
    { arbitrary: once, weight: 4 },
    { arbitrary: none, weight: 1 },
    {
      arbitrary: fc
        .array(value, { minLength: 2, maxLength: 3 })
        .map(vs => vs.map(v => [name, v] as [string, string])),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            '[]',
            '[0]',
            '[a]',
            '[__proto__]',
            '[constructor][prototype]',
          ),
          value,
        )
        .map(([suffix, v]) => [[`${name}${suffix}`, v]] as [string, string][]),
      weight: 1,
    },
  );
}

const encodeSegment = (v: string) => encodeURIComponent(v);

/**
 * Requests for one route, generated from its OpenAPI operation: values valid per the
 * schema (or known to exist) mixed with wrong types, missing and extra fields, very long
 * strings, unicode, path traversal, prototype keys and shell metacharacters.
 */
export function requestArbitrary(
  route: SkipRoute,
  options: RequestArbitraryOptions = {},
): fc.Arbitrary<FuzzRequest> {
  const { spec, operation } = route;
  const known = options.known ?? {};
  const never = options.never ?? {};
  const [methodUpper, template] = route.route.split(' ');
  const method = methodUpper.toLowerCase() as FuzzRequest['method'];
  const params = (operation.parameters ?? []).map((p: any) =>
    resolveRef(spec, p),
  );
  const pathParams = params.filter((p: any) => p.in === 'path');
  const queryParams = params.filter((p: any) => p.in === 'query');
  const bodySchema = resolveRef(
    spec,
    operation.requestBody?.content?.['application/json']?.schema,
  );
  // Keys come from the fuzzer too (`__proto__`), so only own entries count.
  const allowed = (name: string) => (v: string) =>
    !(Object.hasOwn(never, name) && never[name].includes(v));

  const build = (fuzz: boolean) => {
    // An empty path segment is another URL (`//`), which no route serves: never generated.
    const pathArbs = pathParams.map((p: any) => {
      const valid = validValue(p.schema, spec, known[p.name]).map(String);
      const v = fuzz
        ? fc.oneof(
            { arbitrary: valid, weight: 1 },
            {
              arbitrary: hostileString({ inUrl: true, allowEmpty: false }),
              weight: 3,
            },
          )
        : valid;
      return v.filter(s => s !== '').filter(allowed(p.name));
    });
    const queryArbs = queryParams.map((p: any) => {
      const valid = validValue(p.schema, spec, known[p.name]).map(String);
      const value = (
        fuzz
          ? fc.oneof(
              { arbitrary: valid, weight: 1 },
              {
                arbitrary: hostileString({ inUrl: true, allowEmpty: true }),
                weight: 3,
              },
            )
          : valid
      ).filter(allowed(p.name));
      return queryEntries(p.name, value, fuzz, !!p.required);
    });
    const extraQuery = fuzz
      ? fc.array(
          fc.tuple(
            fc.oneof(
              fc.constantFrom(
                '__proto__[polluted]',
                'constructor[prototype][polluted]',
                'extra',
                'follow',
              ),
              hostileString({ inUrl: true, allowEmpty: false }).map(s =>
                s.slice(0, 50),
              ),
            ),
            hostileString({ inUrl: true, allowEmpty: true }).map(s =>
              s.slice(0, 50),
            ),
          ),
          { maxLength: 2 },
        )
      : fc.constant([] as [string, string][]);
    const body = bodySchema
      ? bodyArbitrary(bodySchema, spec, known, fuzz)
      : fc.constant(undefined);
    const independent = fc.tuple(...pathArbs) as fc.Arbitrary<string[]>;
    const real = options.realPaths ?? [];
    const pathValues =
      fuzz || real.length === 0
        ? independent
        : fc.oneof(
            independent,
            fc
              .constantFrom(...real)
              .map(r => pathParams.map((p: any) => r[p.name])),
          );
    return fc
      .record({
        path: pathValues,
        query: fc.tuple(...queryArbs) as fc.Arbitrary<[string, string][][]>,
        extraQuery,
        body,
      })
      .map(({ path, query, extraQuery: extra, body: b }) => {
        let url = `${route.basePath}${template}`;
        pathParams.forEach((p: any, i: number) => {
          url = url.replace(`{${p.name}}`, encodeSegment(path[i]));
        });
        const entries = [...query.flat(), ...extra].filter(([k, v]) =>
          allowed(k.replace(/\[.*$/, ''))(v),
        );
        if (entries.length) {
          url += `?${entries
            .map(
              ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
            )
            .join('&')}`;
        }
        return {
          method,
          url,
          body: method === 'get' ? undefined : b,
          valid: !fuzz,
          values: [...path, ...entries.map(([, v]) => v)],
        } satisfies FuzzRequest;
      })
      .filter(r => r.url.length <= MAX_URL);
  };

  return fc.oneof(
    { arbitrary: build(false), weight: options.validWeight ?? 1 },
    { arbitrary: build(true), weight: options.fuzzWeight ?? 9 },
  );
}

/** The names a message may use for the route's inputs: its parameters, body fields and `body`. */
export function inputNames(route: SkipRoute): string[] {
  const params = (route.operation.parameters ?? []).map(
    (p: any) => resolveRef(route.spec, p).name as string,
  );
  const body = resolveRef(
    route.spec,
    route.operation.requestBody?.content?.['application/json']?.schema,
  );
  return [
    ...params,
    ...(body ? ['body', ...Object.keys(body.properties ?? {})] : []),
  ];
}
