import type { AppAccessPolicy } from '@internal/plugin-skip-common';
import { skipNamespaceReadPermission } from '@internal/plugin-skip-common';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import { useFleetTestBackend } from './__testUtils__/useFleetTestBackend';

jest.setTimeout(90_000);

const SKIPERATOR_APP = {
  apiVersion: 'skiperator.kartverket.no/v1alpha1',
  kind: 'Application',
};

describe("an app's access policy, resolved against the simulated fleet", () => {
  const { backend, fleet } = useFleetTestBackend();
  const accessPolicy = (cluster: string, namespace: string, name: string) =>
    backend().get(`/apps/${cluster}/${namespace}/${name}/access-policy`);
  const seeiendomApiInDev = () =>
    accessPolicy('atkv3-dev', 'seeiendom-api-main', 'seeiendom-api');

  it('resolves who may call the app: its frontend on both sides, and a rule that names no app', async () => {
    const res = await seeiendomApiInDev();
    expect(res.status).toBe(200);
    const body = res.body as AppAccessPolicy;
    expect(body).toEqual(
      expect.objectContaining({
        cluster: 'atkv3-dev',
        environment: 'dev',
        declared: true,
      }),
    );
    expect(body.freshness.reachability).toBe('reachable');
    const [frontend, admin] = body.inbound;
    expect(frontend.peers).toEqual([
      {
        namespace: 'seeiendom-frontend-main',
        name: 'seeiendom-frontend',
        health: 'Healthy',
        reciprocated: true,
      },
    ]);
    expect(frontend.problems).toEqual([]);
    expect(admin.peers).toEqual([]);
    expect(admin.problems).toEqual([
      {
        kind: 'noSuchApp',
        message:
          "No app named 'seeiendom-admin' runs in namespace 'seeiendom-admin-main' on atkv3-dev, so this rule lets no app in.",
      },
    ]);
  });

  it('flags a call the other app does not let in, and the apps calling it without being let in', async () => {
    const body = (await seeiendomApiInDev()).body as AppAccessPolicy;
    const [matrikkel] = body.outbound;
    expect(matrikkel).toEqual(
      expect.objectContaining({
        application: 'matrikkel-api',
        namespace: 'matrikkel-api-main',
        ports: [{ port: '8080', protocol: 'TCP' }],
      }),
    );
    // matrikkel-api in dev cannot pull its image: the peer carries its health.
    expect(matrikkel.peers).toEqual([
      expect.objectContaining({
        name: 'matrikkel-api',
        health: 'Degraded',
        reciprocated: false,
        // Linked to the catalog component that claims it.
        entityRef: 'component:default/matrikkel-api',
      }),
    ]);
    expect(matrikkel.problems).toEqual([
      expect.objectContaining({
        kind: 'oneSided',
        missingSide: 'inbound',
        peer: { namespace: 'matrikkel-api-main', name: 'matrikkel-api' },
      }),
    ]);
    expect(body.blockedCallers).toEqual([
      expect.objectContaining({
        namespace: 'geonorge-kartkatalog-main',
        name: 'geonorge-kartkatalog',
      }),
    ]);
    expect(body.external).toEqual([
      {
        host: 'ws.geonorge.no',
        ports: [{ name: 'https', port: 443, protocol: 'HTTPS' }],
        defaultPorts: true,
        problems: [],
      },
      {
        host: 'seeiendom-db.kartverket.no',
        ip: '10.40.12.7',
        ports: [{ name: 'postgres', port: 5432, protocol: 'TCP' }],
        defaultPorts: false,
        problems: [],
      },
    ]);
  });

  it('follows the fleet: once the other app lets it in, the call is no longer flagged', async () => {
    const id = {
      cluster: 'atkv3-dev',
      ...SKIPERATOR_APP,
      namespace: 'matrikkel-api-main',
      name: 'matrikkel-api',
    };
    fleet.update(id, app => ({
      ...app,
      spec: {
        ...(app.spec as object),
        accessPolicy: {
          inbound: {
            rules: [
              { application: 'seeiendom-api', namespace: 'seeiendom-api-main' },
            ],
          },
        },
      },
    }));
    const body = await eventually(
      () => seeiendomApiInDev().then(res => res.body as AppAccessPolicy),
      b => b.outbound?.[0]?.peers[0]?.reciprocated === true,
      "matrikkel-api's new inbound rule in the watch cache",
    );
    expect(body.outbound[0].problems).toEqual([]);
  });

  it('selects namespaces by label, and says which side of a label rule is missing', async () => {
    const res = await accessPolicy(
      'atkv3-dev',
      'geonorge-kartkatalog-main',
      'geonorge-kartkatalog',
    );
    const body = res.body as AppAccessPolicy;
    expect(body.inbound[0]).toEqual(
      expect.objectContaining({
        application: 'seeiendom-frontend',
        namespacesByLabel: { team: 'seeiendom' },
        peers: [
          expect.objectContaining({
            namespace: 'seeiendom-frontend-main',
            reciprocated: false,
          }),
        ],
      }),
    );
    expect(body.inbound[0].problems[0]).toEqual(
      expect.objectContaining({ kind: 'oneSided', missingSide: 'outbound' }),
    );
    expect(body.outbound[0].problems[0]).toEqual(
      expect.objectContaining({ kind: 'oneSided', missingSide: 'inbound' }),
    );
  });

  it('points at the namespace where an app of that name runs when a rule misses it', async () => {
    const body = (
      await accessPolicy('atkv3-sandbox', 'seeiendom-api-main', 'seeiendom-api')
    ).body as AppAccessPolicy;
    expect(body.inbound[0].problems[0].message).toMatch(
      /No app named 'seeiendom-frontend' runs in namespace 'seeiendom-api-main' on atkv3-sandbox.*runs in namespace 'seeiendom-frontend-feature-123'/,
    );
  });

  it('answers an app without an access policy with empty lists', async () => {
    const res = await accessPolicy(
      'atkv3-prod',
      'seeiendom-api-main',
      'seeiendom-api',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.objectContaining({
        declared: false,
        inbound: [],
        outbound: [],
        external: [],
      }),
    );
  });

  it('answers 404 naming what is missing, 400 for a bad name, and 403 to who may not look into the namespace', async () => {
    const missing = await accessPolicy(
      'atkv3-dev',
      'seeiendom-api-main',
      'no-such-app',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      "No Skiperator app 'no-such-app' in namespace 'seeiendom-api-main' on cluster 'atkv3-dev'",
    );
    const noCluster = await accessPolicy('nowhere', 'seeiendom-api-main', 'x');
    expect(noCluster.status).toBe(404);
    expect(noCluster.body.error.message).toBe("No cluster 'nowhere'");
    const bad = await accessPolicy('atkv3-dev', 'Bad_Namespace', 'x');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Invalid path: namespace: /);

    backend().denied.add(skipNamespaceReadPermission.name);
    try {
      const refused = await seeiendomApiInDev();
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/platform team/);
    } finally {
      backend().denied.delete(skipNamespaceReadPermission.name);
    }
  });
});
