import type {
  OnboardingPlan,
  PrefixRequest,
  PrefixValidation,
  TeamPrefixList,
} from '@internal/plugin-skip-common';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import { execFileSync } from 'node:child_process';
import {
  GUEST,
  MATS,
  OnboardingTestBackend,
  PIA,
  startOnboardingTestBackend,
} from './__testUtils__/startOnboardingTestBackend';

jest.setTimeout(120_000);

const ARGO = 'argoproj.io/v1alpha1';
const NEWTEAM = 'group:default/newteam';

describe('onboarding: a team asks for a prefix, the platform team decides, Argo CD gets the project', () => {
  let backend: OnboardingTestBackend;
  let requestId = '';

  beforeAll(async () => {
    backend = await startOnboardingTestBackend();
  });
  afterAll(() => backend?.stop());

  const argoObject = (cluster: string, kind: string, name: string) =>
    backend.sim.cluster(cluster).store.get(ARGO, kind, 'argocd', name) as any;

  it('validates live: overlaps in both directions, reserved names, and what a prefix would take in', async () => {
    const verdict = async (team: string, prefix: string) =>
      (await backend.as(GUEST).post('/validate', { team, prefix }))
        .body as PrefixValidation;
    expect(await verdict(NEWTEAM, 'newteam-')).toEqual({
      valid: true,
      problems: [],
      captures: [],
    });
    // seeiendom- is held (catalog): a longer one inside it, and a shorter one around it.
    const inside = await verdict(NEWTEAM, 'seeiendom-x-');
    expect(inside.valid).toBe(false);
    expect(inside.problems[0]).toMatchObject({
      field: 'prefix',
      message: expect.stringMatching(/seeiendom-/),
    });
    // What a prefix would take in: seeiendom's namespaces, and it says whose they are.
    const capturing = await verdict(NEWTEAM, 'seeiendom-api-');
    expect(capturing.valid).toBe(false);
    expect(capturing.captures).toContainEqual(
      expect.objectContaining({
        cluster: 'atkv3-dev',
        namespace: 'seeiendom-api-main',
        owner: 'group:default/seeiendom',
      }),
    );
    expect((await verdict(NEWTEAM, 'kube-')).valid).toBe(false);
    expect(
      (await verdict(NEWTEAM, `${'a'.repeat(60)}-`)).problems,
    ).toContainEqual(
      expect.objectContaining({
        field: 'prefix',
        message: expect.stringMatching(/63/),
      }),
    );
    expect(
      (await verdict('group:default/nobody', 'nobody-')).problems[0],
    ).toMatchObject({
      field: 'team',
    });
  });

  it('lets only a member ask for their team, refuses what validation refuses, and records the request', async () => {
    const notMember = await backend
      .as(GUEST)
      .post('/requests', { team: NEWTEAM, prefix: 'newteam-' });
    expect(notMember.status).toBe(403);
    expect(notMember.body.error.message).toMatch(/only its members/);
    const overlapping = await backend
      .as(MATS)
      .post('/requests', { team: NEWTEAM, prefix: 'matrikkel-new-' });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.error.message).toMatch(/^prefix: .*matrikkel-/);

    const created = await backend.as(MATS).post('/requests', {
      team: NEWTEAM,
      prefix: 'newteam-',
      reason: 'our first services',
    });
    expect(created.status).toBe(201);
    const request = created.body as PrefixRequest;
    expect(request).toMatchObject({
      team: NEWTEAM,
      prefix: 'newteam-',
      state: 'pending',
      requestedBy: MATS,
    });
    requestId = request.id;
    // While it waits, the prefix is held: nobody may ask for an overlapping one.
    const second = await backend
      .as(MATS)
      .post('/requests', { team: NEWTEAM, prefix: 'newteam-web-' });
    expect(second.status).toBe(400);
    expect(second.body.error.message).toMatch(/newteam-/);
    expect(
      backend.audit
        .filter(e => e.eventId === 'onboarding-request')
        .map(e => [e.meta?.action, e.status]),
    ).toContainEqual(['create', 'succeeded']);
  });

  it('shows the plan, and only the platform team decides', async () => {
    const plan = (await backend.as(MATS).get(`/requests/${requestId}/plan`))
      .body as OnboardingPlan;
    expect(
      plan.objects.map(o => `${o.instance} ${o.kind} ${o.name} ${o.action}`),
    ).toEqual([
      'argocd-nonprod AppProject newteam create',
      'argocd-nonprod ApplicationSet newteam create',
      'argocd-prod AppProject newteam create',
      'argocd-prod ApplicationSet newteam create',
    ]);
    const denied = await backend
      .as(MATS)
      .post(`/requests/${requestId}/approve`, {});
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/platform team/);
  });

  it('on approval writes the AppProject (newteam-* only) and the ApplicationSet, commits them for review, and tells the requester', async () => {
    const res = await backend
      .as(PIA)
      .post(`/requests/${requestId}/approve`, { reason: 'welcome' });
    expect(res.status).toBe(200);
    expect(res.body.applied).toEqual([
      { instance: 'argocd-nonprod', outcome: 'applied' },
      { instance: 'argocd-prod', outcome: 'applied' },
    ]);
    expect(res.body.request).toMatchObject({
      state: 'approved',
      decidedBy: PIA,
      decision: 'welcome',
      gitBranch: `onboarding/newteam/${requestId}`,
    });
    expect(res.body.request.history.map((h: any) => h.action)).toEqual([
      'requested',
      'approved',
      'applied',
      'applied',
      'committed',
    ]);
    const project = argoObject('atgcp1-dev', 'AppProject', 'newteam');
    expect(project.spec.destinations).toEqual(
      expect.arrayContaining([
        { name: 'atkv3-dev', namespace: 'newteam-*' },
        { name: 'atkv3-test', namespace: 'newteam-*' },
      ]),
    );
    expect(project.spec.destinations.map((d: any) => d.name)).not.toContain(
      'atkv3-prod',
    );
    // Namespaces may be created, only its own (Argo CD 3.3's name; an Argo CD that drops it is refused).
    expect(project.spec.clusterResourceWhitelist).toEqual([
      { group: '', kind: 'Namespace', name: 'newteam-*' },
    ]);
    expect(
      argoObject('atgcp1-prod', 'AppProject', 'newteam').spec.destinations,
    ).toEqual(
      expect.arrayContaining([{ name: 'atkv3-prod', namespace: 'newteam-*' }]),
    );
    expect(
      argoObject('atgcp1-dev', 'ApplicationSet', 'newteam').spec.template.spec
        .project,
    ).toBe('newteam');
    // The reviewable commit on its branch of the GitOps repository.
    const files = execFileSync(
      'git',
      [
        '--git-dir',
        backend.gitopsRepository,
        'ls-tree',
        '-r',
        '--name-only',
        `onboarding/newteam/${requestId}`,
      ],
      { encoding: 'utf8' },
    );
    expect(files.trim().split('\n')).toEqual([
      'argocd/argocd-nonprod/newteam/applicationset.yaml',
      'argocd/argocd-nonprod/newteam/appproject.yaml',
      'argocd/argocd-prod/newteam/applicationset.yaml',
      'argocd/argocd-prod/newteam/appproject.yaml',
    ]);
    expect(backend.notifications).toContainEqual(
      expect.objectContaining({
        recipients: { type: 'entity', entityRef: MATS },
        payload: expect.objectContaining({
          title: expect.stringMatching(/newteam-.*approved/),
        }),
      }),
    );
    expect(
      backend.audit.filter(
        e =>
          e.eventId === 'onboarding-argocd-object' && e.status === 'succeeded',
      ),
    ).toHaveLength(4);
    // Decided once: a second decision is refused.
    expect(
      (
        await backend
          .as(PIA)
          .post(`/requests/${requestId}/reject`, { reason: 'x' })
      ).status,
    ).toBe(409);
  });

  it("turns a new directory in the team's apps repo into a namespace and an app, and nothing outside the prefix", async () => {
    const put = (namespace: string) =>
      fetch(`${backend.sim.controlUrl}/apps-repos/newteam/directories`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          cluster: 'atkv3-dev',
          namespace,
          manifests: [
            {
              apiVersion: 'skiperator.kartverket.no/v1alpha1',
              kind: 'Application',
              metadata: { name: 'web' },
              spec: {
                image: 'ghcr.io/kartverket/web:1.0.0',
                port: 8080,
                team: 'newteam',
              },
            },
          ],
        }),
      });
    expect((await put('newteam-web')).ok).toBe(true);
    const app = await eventually(
      async () =>
        backend.sim
          .cluster('atkv3-dev')
          .store.get(
            'skiperator.kartverket.no/v1alpha1',
            'Application',
            'newteam-web',
            'web',
          ),
      found => found !== undefined,
      'the Skiperator Application in newteam-web',
    );
    expect(app).toBeDefined();
    expect(
      backend.sim
        .cluster('atkv3-dev')
        .store.get('v1', 'Namespace', undefined, 'newteam-web'),
    ).toBeDefined();
    // A directory outside the prefix: Argo CD refuses it by the AppProject the portal wrote.
    expect((await put('other-x')).ok).toBe(true);
    const refused = await eventually(
      async () => argoObject('atgcp1-dev', 'Application', 'atkv3-dev-other-x'),
      found =>
        (found?.status?.conditions ?? []).some(
          (c: any) => c.type === 'InvalidSpecError',
        ),
      'the Application outside the prefix refused',
    );
    expect(refused.status.conditions[0].message).toMatch(
      /do not match any of the allowed destinations/,
    );
    expect(
      backend.sim
        .cluster('atkv3-dev')
        .store.get('v1', 'Namespace', undefined, 'other-x'),
    ).toBeUndefined();
  });

  it('gives a team one prefix: its project and application set are named after it', async () => {
    const second = await backend
      .as(MATS)
      .post('/requests', { team: NEWTEAM, prefix: 'nt-' });
    expect(second.status).toBe(400);
    expect(second.body.error.message).toMatch(
      /^team: group:default\/newteam already holds newteam-/,
    );
  });

  it('lists the prefix with its team and clusters; the team may now have namespaces under it', async () => {
    const list = (await backend.as(MATS).get('/prefixes'))
      .body as TeamPrefixList;
    expect(list.rights).toEqual({
      decide: false,
      requestFor: expect.arrayContaining(['group:default/matrikkel', NEWTEAM]),
    });
    expect(list.rights.requestFor).not.toContain('group:default/seeiendom');
    expect(list.items).toContainEqual(
      expect.objectContaining({
        prefix: 'newteam-',
        team: NEWTEAM,
        state: 'active',
        source: 'onboarding',
        clusters: expect.arrayContaining(['atkv3-dev', 'atkv3-prod']),
      }),
    );
    expect(list.items).toContainEqual(
      expect.objectContaining({ prefix: 'seeiendom-', source: 'catalog' }),
    );
    const exported = (await backend.as(MATS).get('/prefixes/newteam-/export'))
      .body;
    expect(exported.yaml).toMatch(/kind: AppProject/);
  });

  it('lists the prefixes without their namespaces when asked to (the catalog provider does, every 15 s)', async () => {
    const withNamespaces = (await backend.as(MATS).get('/prefixes'))
      .body as TeamPrefixList;
    const newteam = withNamespaces.items.find(p => p.prefix === 'newteam-');
    expect(newteam?.namespaces).toContainEqual(
      expect.objectContaining({
        cluster: 'atkv3-dev',
        namespace: 'newteam-web',
      }),
    );
    const bare = (await backend.as(MATS).get('/prefixes?namespaces=false'))
      .body as TeamPrefixList;
    expect(bare.items.map(p => p.prefix)).toEqual(
      withNamespaces.items.map(p => p.prefix),
    );
    expect(bare.items.every(p => p.namespaces.length === 0)).toBe(true);
    expect(
      (await backend.as(MATS).get('/prefixes?namespaces=maybe')).status,
    ).toBe(400);
  });

  it('retires a prefix only once nothing lives under it, unless forced, and removes its objects', async () => {
    // newteam-web came from the apps repo above.
    const refused = await backend
      .as(PIA)
      .post('/prefixes/newteam-/retire', { reason: 'team dissolved' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/atkv3-dev\/newteam-web/);
    expect(
      (
        await backend
          .as(MATS)
          .post('/prefixes/newteam-/retire', { reason: 'x' })
      ).status,
    ).toBe(403);
    const forced = await backend.as(PIA).post('/prefixes/newteam-/retire', {
      reason: 'team dissolved',
      force: true,
    });
    expect(forced.status).toBe(200);
    expect(forced.body).toMatchObject({
      prefix: 'newteam-',
      state: 'retired',
      retiredBy: PIA,
    });
    expect(argoObject('atgcp1-dev', 'AppProject', 'newteam')).toBeUndefined();
    expect(
      argoObject('atgcp1-prod', 'ApplicationSet', 'newteam'),
    ).toBeUndefined();
    // The seeded projects of other teams, which the portal does not own, are untouched.
    expect(argoObject('atgcp1-dev', 'AppProject', 'seeiendom')).toBeDefined();
  });
  it('rejects with a reason, and the prefix is free again (newteam, its prefix retired, asks again)', async () => {
    const asked = await backend.as(MATS).post('/requests', {
      team: NEWTEAM,
      prefix: 'mtrk-web-',
    });
    expect(asked.status).toBe(201);
    // A shorter prefix around a held one overlaps too (Argo CD's mtrk-* matches mtrk-web-*).
    const around = (
      await backend
        .as(MATS)
        .post('/validate', { team: NEWTEAM, prefix: 'mtrk-' })
    ).body as PrefixValidation;
    expect(around.valid).toBe(false);
    expect(around.problems.map(p => p.message).join(' ')).toMatch(
      /overlaps.*mtrk-web-|mtrk-web-.*overlaps/,
    );
    const noReason = await backend
      .as(PIA)
      .post(`/requests/${asked.body.id}/reject`, {});
    expect(noReason.status).toBe(400);
    const rejected = await backend
      .as(PIA)
      .post(`/requests/${asked.body.id}/reject`, { reason: 'use matrikkel-' });
    expect(rejected.body).toMatchObject({
      state: 'rejected',
      decision: 'use matrikkel-',
    });
    expect(
      (
        await backend.as(MATS).post('/validate', {
          team: NEWTEAM,
          prefix: 'mtrk-',
        })
      ).body.valid,
    ).toBe(true);
  });
});
