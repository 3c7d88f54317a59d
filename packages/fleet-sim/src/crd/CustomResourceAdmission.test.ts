import { ApiException, CoreV1Api, CustomObjectsApi, KubeConfig, KubernetesObject, KubernetesObjectApi } from '@kubernetes/client-node';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetSim } from '../FleetSim';

const GROUP = 'skiperator.kartverket.no';

const skiperatorApp = (name: string, spec: Record<string, unknown>) => ({
  apiVersion: `${GROUP}/v1alpha1`,
  kind: 'Application',
  metadata: { name, namespace: 'team-a' },
  spec,
});

async function statusOf(call: Promise<unknown>): Promise<{ code: number; body: any }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiException) return { code: error.code, body: JSON.parse(error.body as string) };
    throw error;
  }
  throw new Error('the call succeeded');
}

describe('custom resources against their vendored CRDs, as clients see them', () => {
  let dir: string;
  let sim: FleetSim;
  let objects: KubernetesObjectApi;
  let kc: KubeConfig;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fleet-sim-crd-'));
    sim = await FleetSim.start({ clusters: [{ name: 'a', kubernetesVersion: 'v1.32.4-gke.100' }], dir });
    sim.cluster('a').store.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext('a');
    objects = KubernetesObjectApi.makeApiClient(kc);
  }, 30_000);

  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies the CRD defaults to a created Skiperator Application and prunes fields it does not declare', async () => {
    const created = await objects.create(skiperatorApp('web', { image: 'nginx:1', port: 8080, colour: 'blue' }) as KubernetesObject);
    const read = (await objects.read({ apiVersion: `${GROUP}/v1alpha1`, kind: 'Application', metadata: { name: 'web', namespace: 'team-a' } })) as any;
    for (const app of [created as any, read]) {
      expect(app.spec).toMatchObject({ image: 'nginx:1', port: 8080, priority: 'medium', appProtocol: 'http', enablePDB: true, redirectToHTTPS: true });
      expect(app.spec).not.toHaveProperty('colour');
    }
  });

  it('serves the defaults on objects the world stored without them', async () => {
    sim.cluster('a').store.put(skiperatorApp('stored', { image: 'nginx:1', port: 8080 }));
    const read = (await objects.read({ apiVersion: `${GROUP}/v1alpha1`, kind: 'Application', metadata: { name: 'stored', namespace: 'team-a' } })) as any;
    expect(read.spec.priority).toBe('medium');
  });

  it('refuses a field of the wrong type with 422 Invalid naming the field', async () => {
    const { code, body } = await statusOf(objects.create(skiperatorApp('bad', { image: 'nginx:1', port: '8080' }) as KubernetesObject));
    expect(code).toBe(422);
    expect(body).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Invalid',
      message: 'Application.skiperator.kartverket.no "bad" is invalid: spec.port: Invalid value: "string": spec.port in body must be of type integer: "string"',
      details: {
        name: 'bad',
        group: GROUP,
        kind: 'Application',
        causes: [{ reason: 'FieldValueTypeInvalid', field: 'spec.port', message: 'Invalid value: "string": spec.port in body must be of type integer: "string"' }],
      },
    });
    await expect(objects.read({ apiVersion: `${GROUP}/v1alpha1`, kind: 'Application', metadata: { name: 'bad', namespace: 'team-a' } })).rejects.toThrow();
  });

  it('lists every missing required field and every value outside an enum or range', async () => {
    const { body } = await statusOf(objects.create(skiperatorApp('worse', { port: 8080, priority: 'urgent', idporten: { enabled: true, accessTokenLifetime: 7200 } }) as KubernetesObject));
    expect(body.details.causes).toEqual(
      expect.arrayContaining([
        { reason: 'FieldValueRequired', field: 'spec.image', message: 'Required value' },
        { reason: 'FieldValueNotSupported', field: 'spec.priority', message: 'Unsupported value: "urgent": supported values: "low", "medium", "high"' },
        {
          reason: 'FieldValueInvalid',
          field: 'spec.idporten.accessTokenLifetime',
          message: 'Invalid value: 7200: spec.idporten.accessTokenLifetime in body should be less than or equal to 3600',
        },
      ]),
    );
    expect(body.message).toMatch(/^Application\.skiperator\.kartverket\.no "worse" is invalid: \[/);
  });

  it('validates status written through the status subresource', async () => {
    await objects.create(skiperatorApp('with-status', { image: 'nginx:1', port: 8080 }) as KubernetesObject);
    const api = kc.makeApiClient(CustomObjectsApi);
    const { code, body } = await statusOf(
      api.replaceNamespacedCustomObjectStatus({
        group: GROUP,
        version: 'v1alpha1',
        namespace: 'team-a',
        plural: 'applications',
        name: 'with-status',
        body: { ...skiperatorApp('with-status', { image: 'nginx:1', port: 8080 }), status: { summary: { status: 'Synced', message: 'ok' } } },
      }),
    );
    expect(code).toBe(422);
    expect(body.details.causes).toEqual(expect.arrayContaining([{ reason: 'FieldValueRequired', field: 'status.summary.timestamp', message: 'Required value' }]));
  });

  it('prints the invalid field the way kubectl users see it', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'apiVersion: skiperator.kartverket.no/v1alpha1\nkind: Application\nmetadata: {name: typo, namespace: team-a}\nspec: {image: "nginx:1", port: "8080"}\n');
    const env = { ...process.env, KUBECONFIG: sim.kubeconfigPath, KUBECACHEDIR: join(dir, 'kube-cache') };
    const stderr = await new Promise<string>(resolve => execFile('kubectl', ['--context', 'a', 'create', '-f', file], { env, timeout: 20_000 }, (_e, _o, err) => resolve(err)));
    expect(stderr).toContain('The Application "typo" is invalid: spec.port: Invalid value: "string": spec.port in body must be of type integer: "string"');
  });

  it('gives ConfigMaps no metadata.generation, as objects without a spec have none', async () => {
    const core = kc.makeApiClient(CoreV1Api);
    const cm = await core.createNamespacedConfigMap({ namespace: 'team-a', body: { metadata: { name: 'settings' }, data: { a: '1' } } });
    expect(cm.metadata?.generation).toBeUndefined();
    const app = (await objects.read({ apiVersion: `${GROUP}/v1alpha1`, kind: 'Application', metadata: { name: 'web', namespace: 'team-a' } })) as any;
    expect(app.metadata.generation).toBe(1);
  });
});
