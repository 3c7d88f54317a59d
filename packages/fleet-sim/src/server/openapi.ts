import { apiVersionOf, ResourceRegistry, ResourceType } from './resources';

function gvPath(group: string, version: string): string {
  return group ? `apis/${group}/${version}` : `api/${version}`;
}

/** The /openapi/v3 index: one entry per group/version. serverRelativeURL carries no path prefix. */
export function openApiIndex(registry: ResourceRegistry): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [group, versions] of registry.groups()) {
    for (const version of versions) {
      const p = gvPath(group, version);
      paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=fleetsim${version}` };
    }
  }
  return { paths };
}

const param = (name: string, inWhere = 'query') => ({ name, in: inWhere, schema: { type: 'string' }, ...(inWhere === 'path' ? { required: true } : {}) });

function operations(t: ResourceType) {
  const gvk = { group: t.group, version: t.version, kind: t.kind };
  const op = (action: string, extra: Record<string, unknown> = {}) => ({
    operationId: `${action}${t.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk,
    responses: { '200': { description: 'OK' } },
    ...extra,
  });
  const write = { parameters: [param('dryRun'), param('fieldManager'), param('fieldValidation')] };
  const base = `/${gvPath(t.group, t.version)}${t.namespaced ? '/namespaces/{namespace}' : ''}/${t.resource}`;
  const pathParams = t.namespaced ? [param('namespace', 'path')] : [];
  return {
    [base]: {
      parameters: pathParams,
      get: op('list', { parameters: [param('labelSelector'), param('fieldSelector'), param('limit'), param('continue'), param('watch')] }),
      post: op('post', write),
    },
    [`${base}/{name}`]: {
      parameters: [...pathParams, param('name', 'path')],
      get: op('get'),
      put: op('put', write),
      patch: op('patch', { parameters: [...write.parameters, param('force')] }),
      delete: op('delete'),
    },
  };
}

/** The per-group/version OpenAPI v3 document: operations only, enough for kubectl's validation gate. */
export function openApiGroupVersion(registry: ResourceRegistry, group: string, version: string): Record<string, unknown> | undefined {
  const types = registry.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  const paths: Record<string, unknown> = {};
  for (const t of types) Object.assign(paths, operations(t));
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes (fleet-sim)', version: apiVersionOf({ group, version }) },
    paths,
    components: { schemas: {} },
  };
}
