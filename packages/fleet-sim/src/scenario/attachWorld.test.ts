import { attachWorld } from './attachWorld';
import { createMemorySim } from './createMemorySim';
import { loadScenario } from './loadScenario';

describe('attachWorld control routes', () => {
  it('adds an apps repo directory over the control API and refuses an incomplete one', async () => {
    const scenario = await loadScenario('demo');
    const sim = createMemorySim(scenario.clusters);
    const detach = await attachWorld(sim, scenario, { argoSyncMs: 5 });
    try {
      const bad = await sim.call('PUT', '/apps-repos/geonorge/directories', { cluster: 'atkv3-dev' });
      expect(bad.status).toBe(400);
      const invalid = await sim.call('PUT', '/apps-repos/No_Body/directories', { cluster: 'atkv3-dev', namespace: 'x', manifests: [] });
      expect(invalid.status).toBe(404);
      // A team outside the scenario has an apps repo too (made from the skip-apps template), created on first use.
      const newTeam = await sim.call('PUT', '/apps-repos/newteam/directories', { cluster: 'atkv3-dev', namespace: 'newteam-x', manifests: [] });
      expect(newTeam.status).toBe(200);
      expect(detach.world.repos.get('newteam')?.url).toBe('https://github.com/kartverket/newteam-apps.git');
      expect((await sim.call('DELETE', '/apps-repos/newteam/directories/atkv3-dev/newteam-x')).body).toEqual({ removed: true });
      const ok = await sim.call('PUT', '/apps-repos/geonorge/directories', {
        cluster: 'atkv3-test',
        namespace: 'geonorge-wms-main',
        manifests: [{ apiVersion: 'skiperator.kartverket.no/v1alpha1', kind: 'Application', metadata: { name: 'wms' }, spec: { image: 'ghcr.io/kartverket/wms:1', replicas: 1 } }],
      });
      expect(ok.body).toEqual({ path: 'env/atkv3-test/geonorge-wms-main', revision: expect.stringMatching(/^[0-9a-f]{40}$/) });
      expect(sim.cluster('atgcp1-dev').store.get('argoproj.io/v1alpha1', 'Application', 'argocd', 'atkv3-test-geonorge-wms-main')).toBeDefined();
      const world = (await sim.call('GET', '/world')).body as { repos: { team: string; head: string }[] };
      expect(world.repos.find(r => r.team === 'geonorge')?.head).toBe((ok.body as { revision: string }).revision);
    } finally {
      detach();
    }
  });
});
