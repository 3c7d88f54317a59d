import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { attachWorld } from './attachWorld';
import { createMemorySim } from './createMemorySim';
import { generateScaleScenario } from './generateScaleScenario';
import { loadScenario } from './loadScenario';

describe('loadScenario', () => {
  it('loads the demo fleet described in PLATFORM.md', async () => {
    const s = await loadScenario('demo');
    expect(s.clusters.map(c => c.name)).toEqual(
      expect.arrayContaining(['atkv3-admin-nonprod', 'atkv3-admin-prod', 'atkv3-sandbox', 'atkv3-dev', 'atkv3-test', 'atkv3-prod', 'atgcp1-sandbox', 'atgcp1-dev', 'atgcp1-prod']),
    );
    expect(s.clusters.find(c => c.name === 'atkv3-dev')).toMatchObject({ role: 'user', adminCluster: 'atkv3-admin-nonprod', controlPlane: 'kubeception', platform: 'anthos-vmware' });
    expect(s.argocd.map(a => a.name)).toEqual(['argocd-nonprod', 'argocd-prod']);
    expect(s.teams.find(t => t.name === 'seeiendom')).toMatchObject({ prefix: 'seeiendom-', group: 'group:default/seeiendom', iamGroups: expect.arrayContaining(['aad-tf-team-seeiendom@kartverket.no']) });
    expect(s.apps.map(a => a.fault).filter(Boolean).sort()).toEqual(['crash-loop', 'image-pull', 'out-of-sync', 'slow-start']);
  });

  it('names the offending field of a bad scenario file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'bad.yaml');
    await writeFile(
      file,
      stringify({
        clusters: [{ name: 'c1', role: 'user', environment: 'dev', site: 's', platform: 'gke', controlPlane: 'gke-managed', kubernetesVersion: 'v1.31.6-gke.1', platformVersion: '1.31.6-gke.1', nodes: 1 }],
        argocd: [{ name: 'argocd', cluster: 'c1', environments: ['dev'] }],
        teams: [{ name: 'nrl', prefix: 'nrl-', group: 'group:default/nrl' }],
        apps: [{ team: 'nrl', name: 'x', cluster: 'c1', namespace: 'matrikkel-x', image: 'x:1' }],
      }),
    );
    await expect(loadScenario(file)).rejects.toThrow(/apps\.0\.namespace: matrikkel-x does not start with nrl-/);
    await writeFile(file, stringify({ clusters: [{ name: 'c1', role: 'user', environment: 'qa', site: 's', platform: 'gke', controlPlane: 'gke-managed', kubernetesVersion: '1.31', platformVersion: 'x', nodes: 1 }] }));
    await expect(loadScenario(file)).rejects.toThrow(/clusters\.0\.kubernetesVersion: must look like v1\.30\.7-gke\.1500/);
    await expect(loadScenario(file)).rejects.toThrow(/clusters\.0\.environment/);
  });

  it('refuses a hand-made RoleBinding in a namespace no apps-repo directory holds', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scenario-'));
    const file = join(dir, 'bindings.yaml');
    const binding = { kind: 'RoleBinding', name: 'rb', clusters: ['c1'], namespace: 'nrl-y', source: 'apps-repo', roleRef: { kind: 'ClusterRole', name: 'edit' }, subjects: [{ kind: 'Group', name: 'g@kartverket.no' }] };
    await writeFile(
      file,
      stringify({
        clusters: [{ name: 'c1', role: 'user', environment: 'dev', site: 's', platform: 'gke', controlPlane: 'gke-managed', kubernetesVersion: 'v1.31.6-gke.1', platformVersion: '1.31.6-gke.1', nodes: 1 }],
        argocd: [{ name: 'argocd', cluster: 'c1', environments: ['dev'] }],
        teams: [{ name: 'nrl', prefix: 'nrl-', group: 'group:default/nrl' }],
        apps: [{ team: 'nrl', name: 'x', cluster: 'c1', namespace: 'nrl-x', image: 'x:1' }],
        accessBindings: [binding, { ...binding, kind: 'ClusterRoleBinding', namespace: undefined, clusters: 'user' }],
      }),
    );
    await expect(loadScenario(file)).rejects.toThrow(/accessBindings\.0\.namespace: no app in c1\/nrl-y/);
    await expect(loadScenario(file)).rejects.toThrow(/accessBindings\.1\.source: a ClusterRoleBinding comes from terraform/);
  });
});

describe('generateScaleScenario', () => {
  it('builds the requested number of user clusters and apps', () => {
    const s = generateScaleScenario({ clusters: 12, appsPerCluster: 2000 });
    expect(s.clusters.filter(c => c.role === 'user')).toHaveLength(12);
    expect(s.apps).toHaveLength(24000);
    expect(new Set(s.apps.map(a => `${a.cluster}/${a.namespace}`)).size).toBe(24000);
    expect(s.apps.filter(a => a.fault === 'image-pull').length).toBe(48);
  });

  it('seeds a scale world with one Argo CD Application and one pod per app', async () => {
    const s = generateScaleScenario({ clusters: 4, appsPerCluster: 100 });
    const sim = createMemorySim(s.clusters);
    const detach = await attachWorld(sim, s, { argoSyncMs: 10 });
    try {
      const appNamespaces = new Set(s.apps.map(a => a.namespace));
      let pods = 0;
      let argoApps = 0;
      for (const c of sim.clusters.values()) {
        // System pods (kube-system, istio-system, argocd, control planes) are not the apps'.
        pods += c.store.scan('v1', 'Pod').filter(p => appNamespaces.has(p.metadata.namespace ?? '')).length;
        argoApps += c.store.scan('argoproj.io/v1alpha1', 'Application').length;
      }
      expect(pods).toBe(400);
      expect(argoApps).toBe(400);
    } finally {
      detach();
    }
  });
});
