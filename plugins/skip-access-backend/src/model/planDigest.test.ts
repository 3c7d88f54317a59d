import type { AccessBindingChange } from '@internal/plugin-skip-common';
import { planDigest } from './planDigest';

const change = (
  overrides: Partial<AccessBindingChange> = {},
): AccessBindingChange => ({
  action: 'create',
  kind: 'RoleBinding',
  namespace: 'seeiendom-api',
  name: 'skip-r-edit',
  role: 'edit',
  groups: ['a@kartverket.no', 'b@kartverket.no'],
  ruleIds: ['r'],
  escalating: false,
  reason: 'rule r gives group:default/seeiendom edit',
  diff: [],
  ...overrides,
});

const PLAN = [
  {
    cluster: 'atkv3-dev',
    changes: [
      change(),
      change({ action: 'delete', name: 'skip-old-view', role: 'view' }),
    ],
  },
  {
    cluster: 'atkv3-prod',
    changes: [change({ kind: 'ClusterRoleBinding', namespace: undefined })],
  },
];

describe('planDigest', () => {
  it('is a sha256 in hex, as the apply request demands', () => {
    expect(planDigest(PLAN)).toMatch(/^[a-f0-9]{64}$/);
  });

  it('does not depend on the order of clusters, changes or groups', () => {
    const shuffled = [
      { ...PLAN[1] },
      {
        ...PLAN[0],
        changes: [
          PLAN[0].changes[1],
          {
            ...PLAN[0].changes[0],
            groups: ['b@kartverket.no', 'a@kartverket.no'],
          },
        ],
      },
    ];
    expect(planDigest(shuffled)).toBe(planDigest(PLAN));
  });

  it('does not depend on how a change is explained', () => {
    const reworded = [
      {
        ...PLAN[0],
        changes: PLAN[0].changes.map(c => ({
          ...c,
          reason: 'other',
          diff: [{ op: '+' as const, text: 'x' }],
        })),
      },
      PLAN[1],
    ];
    expect(planDigest(reworded)).toBe(planDigest(PLAN));
  });

  it.each<[string, Partial<AccessBindingChange>]>([
    ['action', { action: 'update' }],
    ['kind', { kind: 'ClusterRoleBinding', namespace: undefined }],
    ['namespace', { namespace: 'seeiendom-web' }],
    ['name', { name: 'skip-r-admin' }],
    ['role', { role: 'admin' }],
    ['groups', { groups: ['a@kartverket.no'] }],
  ])('changes when a change has another %s', (_, overrides) => {
    const other = [
      { ...PLAN[0], changes: [change(overrides), PLAN[0].changes[1]] },
      PLAN[1],
    ];
    expect(planDigest(other)).not.toBe(planDigest(PLAN));
  });

  it('changes when a change moves to another cluster, appears or goes', () => {
    const digest = planDigest(PLAN);
    expect(
      planDigest([{ ...PLAN[0], cluster: 'atkv3-test' }, PLAN[1]]),
    ).not.toBe(digest);
    expect(planDigest([PLAN[0]])).not.toBe(digest);
    expect(
      planDigest([
        PLAN[0],
        { ...PLAN[1], changes: [...PLAN[1].changes, change()] },
      ]),
    ).not.toBe(digest);
  });

  it('gives an empty plan one digest', () => {
    expect(planDigest([])).toBe(
      planDigest([{ cluster: 'atkv3-dev', changes: [] }]),
    );
  });
});
