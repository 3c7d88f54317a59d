import { useFleetTestBackend } from './__testUtils__/useFleetTestBackend';

jest.setTimeout(90_000);

describe('what an app row links to, as /apps answers it', () => {
  const { backend } = useFleetTestBackend();

  it("carries each app's external hostnames and the git repository Argo CD deploys it from", async () => {
    const res = await backend().get('/apps?team=group:default/seeiendom');
    expect(res.status).toBe(200);
    const frontend = (cluster: string) =>
      res.body.items.find(
        (a: any) => a.name === 'seeiendom-frontend' && a.cluster === cluster,
      );
    expect(frontend('atkv3-prod').ingresses).toEqual([
      'seeiendom.kartverket.no',
    ]);
    expect(frontend('atkv3-dev').ingresses).toEqual([
      'seeiendom.atkv3-dev.kartverket.dev',
    ]);
    // The pull-request namespace's app has no ingress: no field, no empty list.
    expect(frontend('atkv3-sandbox')).not.toHaveProperty('ingresses');
    const withArgo = res.body.items.filter((a: any) => a.argo);
    expect(withArgo.length).toBeGreaterThan(0);
    for (const app of withArgo) {
      expect(app.argo.repoURL).toMatch(/^https:\/\/github\.com\/kartverket\//);
    }
  });
});
