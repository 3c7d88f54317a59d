import { attachWorld, DetachWorld } from '../scenario/attachWorld';
import { createMemorySim, MemorySim } from '../scenario/createMemorySim';
import { loadScenario } from '../scenario/loadScenario';
import { KubeObject } from '../store/types';
import { CrdSchemas } from './CrdSchemas';
import { pruneAndDefault } from './structuralSchema';
import { validateCustomResource } from './validateStructural';

const ARGO = 'argoproj.io/v1alpha1';

async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise(r => setTimeout(r, 10));
  }
}

/**
 * Every custom resource the world stored, checked as a real API server would check it: fields its
 * CRD does not declare (which a real server would silently prune, so the portal would never see
 * them), then the CRD's validation with defaults applied, status included.
 */
function violations(sim: MemorySim): { checked: number; problems: string[] } {
  const schemas = CrdSchemas.vendored();
  const problems: string[] = [];
  let checked = 0;
  for (const [cluster, { store }] of sim.clusters) {
    for (const stored of store.all()) {
      const [group, version] = stored.apiVersion.split('/');
      const crd = version ? schemas.schemaFor(group, version, stored.kind) : undefined;
      if (!crd) continue;
      checked++;
      const obj = structuredClone(stored) as KubeObject;
      const where = `${cluster} ${stored.kind}.${group} ${stored.metadata.namespace}/${stored.metadata.name}`;
      for (const field of pruneAndDefault(obj, crd.schema)) problems.push(`${where}: ${field}: not declared in the CRD`);
      for (const cause of validateCustomResource(obj, crd.schema)) problems.push(`${where}: ${cause.field}: ${cause.message}`);
    }
  }
  return { checked, problems };
}

describe('the world against the vendored CRDs', () => {
  it('writes only valid Skiperator and Argo CD objects in the demo fleet, status included', async () => {
    const scenario = await loadScenario('demo');
    const sim = createMemorySim(scenario.clusters);
    const detach: DetachWorld = await attachWorld(sim, scenario, { argoSyncMs: 20 });
    try {
      // A finished sync operation adds operationState, history and syncResult to the app's status.
      const prod = sim.cluster('atgcp1-prod').store;
      const name = 'atkv3-prod-geonorge-download-main';
      const before = await waitFor(() => prod.get(ARGO, 'Application', 'argocd', name));
      const revision = (before.status as any)?.sync?.revision;
      prod.put({ ...before, operation: { sync: { revision }, initiatedBy: { username: 'someone@kartverket.no' } } });
      await waitFor(() => (prod.get(ARGO, 'Application', 'argocd', name)?.status as any)?.operationState?.phase === 'Succeeded');
      // An app outside its team's prefix gets an InvalidSpecError condition.
      await sim.call('PUT', '/apps-repos/matrikkel/directories', {
        cluster: 'atkv3-dev',
        namespace: 'seeiendom-x',
        manifests: [{ apiVersion: 'skiperator.kartverket.no/v1alpha1', kind: 'Application', metadata: { name: 'x' }, spec: { image: 'x:1', port: 8080 } }],
      });
      await waitFor(() => (sim.cluster('atgcp1-dev').store.get(ARGO, 'Application', 'argocd', 'atkv3-dev-seeiendom-x')?.status as any)?.conditions);

      const { checked, problems } = violations(sim);
      expect(checked).toBeGreaterThan(40);
      expect(problems).toEqual([]);
    } finally {
      detach();
    }
  });

  it('writes only valid objects in a small scale fleet', async () => {
    const scenario = await loadScenario('scale:2x50');
    const sim = createMemorySim(scenario.clusters);
    const detach = await attachWorld(sim, scenario, { argoSyncMs: 20 });
    try {
      const { checked, problems } = violations(sim);
      expect(checked).toBeGreaterThan(200);
      expect(problems).toEqual([]);
    } finally {
      detach();
    }
  });

  it('notices a field the world writes that the CRD does not allow', () => {
    const sim = createMemorySim([{ name: 'c', kubernetesVersion: 'v1.32.4-gke.100' }]);
    sim.cluster('c').store.put({
      apiVersion: 'skiperator.kartverket.no/v1alpha1',
      kind: 'Application',
      metadata: { name: 'a', namespace: 'n' },
      spec: { image: 'a:1', port: '8080', colour: 'blue' },
    });
    expect(violations(sim).problems).toEqual([
      'c Application.skiperator.kartverket.no n/a: .spec.colour: not declared in the CRD',
      'c Application.skiperator.kartverket.no n/a: spec.port: Invalid value: "string": spec.port in body must be of type integer: "string"',
    ]);
  });
});
