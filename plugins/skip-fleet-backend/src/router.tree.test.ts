import type {
  ResourceTree,
  ResourceTreeNode,
} from '@internal/plugin-skip-common';
import { useFleetTestBackend } from './__testUtils__/useFleetTestBackend';

jest.setTimeout(90_000);

const byKind = (tree: ResourceTree, kind: string) =>
  tree.nodes.filter(n => n.kind === kind);
const parentOf = (tree: ResourceTree, node: ResourceTreeNode) =>
  tree.nodes.find(n => n.id === node.parent);

describe('the resource tree of one app, read live from the simulated fleet', () => {
  const { backend } = useFleetTestBackend();
  const tree = async (cluster: string, namespace: string, name: string) => {
    const res = await backend().get(
      `/apps/${cluster}/${namespace}/${name}/tree`,
    );
    expect(res.status).toBe(200);
    return res.body as ResourceTree;
  };

  it('shows a healthy app with everything Skiperator made for it, each under its owner', async () => {
    const t = await tree(
      'atkv3-dev',
      'seeiendom-frontend-main',
      'seeiendom-frontend',
    );
    const [root] = t.nodes;
    expect(root).toMatchObject({
      kind: 'Application',
      apiVersion: 'skiperator.kartverket.no/v1alpha1',
      name: 'seeiendom-frontend',
      health: 'Healthy',
    });
    expect(root.parent).toBeUndefined();
    // Argo CD deploys the Application from git, so it knows its sync status; what
    // Skiperator made from it is not in git, so Argo CD has none for it.
    expect(t.argo?.name).toBeDefined();
    expect(root.sync?.status).toBe('Synced');
    const kinds = new Set(t.nodes.map(n => n.kind));
    for (const kind of [
      'Deployment',
      'ReplicaSet',
      'Pod',
      'Service',
      'ServiceAccount',
      'NetworkPolicy',
      'PeerAuthentication',
      'AuthorizationPolicy',
      'Gateway',
      'VirtualService',
    ]) {
      expect(kinds).toContain(kind);
    }
    const [deployment] = byKind(t, 'Deployment');
    expect(deployment.parent).toBe(root.id);
    expect(deployment.sync).toBeUndefined();
    for (const rs of byKind(t, 'ReplicaSet')) {
      expect(parentOf(t, rs)?.kind).toBe('Deployment');
    }
    for (const pod of byKind(t, 'Pod')) {
      expect(parentOf(t, pod)?.kind).toBe('ReplicaSet');
    }
    // Depth first: every node comes after its parent.
    const parentsAfterChildren = t.nodes.filter(
      (node, i) =>
        node.parent !== undefined &&
        t.nodes.findIndex(n => n.id === node.parent) >= i,
    );
    expect(parentsAfterChildren).toEqual([]);
    expect(t.nodes.every(n => n.health === 'Healthy' && !n.reason)).toBe(true);
    expect(t.explanation).toBeUndefined();
    // Other apps of the namespace or cluster are not part of it.
    expect(t.nodes.every(n => n.namespace === 'seeiendom-frontend-main')).toBe(
      true,
    );
  });

  it('says once, in the backend, why a failing app fails, and on which node', async () => {
    const t = await tree('atkv3-dev', 'matrikkel-api-main', 'matrikkel-api');
    expect(t.explanation).toMatchObject({
      title: 'Image not found',
      reason:
        'Image not found: ghcr.io/kartverket/matrikkel-api:v2.4.0-rc1-typo',
    });
    const pods = byKind(t, 'Pod');
    expect(pods.length).toBeGreaterThan(0);
    for (const pod of pods) {
      expect(pod).toMatchObject({
        health: 'Degraded',
        reason:
          'Image not found: ghcr.io/kartverket/matrikkel-api:v2.4.0-rc1-typo',
      });
    }
    const [deployment] = byKind(t, 'Deployment');
    expect(deployment.health).not.toBe('Healthy');
    expect(deployment.reason).toBeTruthy();
    // What does not depend on the pods stays healthy: the tree points at what fails.
    expect(byKind(t, 'Service')[0].health).toBe('Healthy');
  });

  it('answers an app that does not exist with a 404 naming it, and bad input with a 400', async () => {
    const missing = await backend().get(
      '/apps/atkv3-dev/matrikkel-api-main/no-such-app/tree',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/no-such-app/);
    const bad = await backend().get('/apps/atkv3-dev/Not_A_Namespace/x/tree');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Invalid path: namespace: /);
    const unknownCluster = await backend().get(
      '/apps/no-such-cluster/matrikkel-api-main/matrikkel-api/tree',
    );
    expect(unknownCluster.status).toBe(404);
  });

  it("gives a drill-down the object's YAML without managed fields, and the explanation", async () => {
    const res = await backend().get(
      '/resources/atkv3-dev/matrikkel-api-main/Application/matrikkel-api',
    );
    expect(res.status).toBe(200);
    expect(res.body.manifest).toMatch(
      /^apiVersion: skiperator\.kartverket\.no\/v1alpha1$/m,
    );
    expect(res.body.manifest).toMatch(
      /image: ghcr\.io\/kartverket\/matrikkel-api:v2\.4\.0-rc1-typo/,
    );
    expect(res.body.manifest).not.toMatch(/managedFields/);
    expect(res.body.manifest).not.toMatch(/last-applied-configuration/);
    expect(res.body.explanation?.title).toBe('Image not found');
  });
});
