import type { Health } from '@internal/plugin-skip-common';
import { ClusterApp, resolveAccessPolicy } from './resolveAccessPolicy';

const labels: Record<string, Record<string, string>> = {
  'shop-main': { team: 'shop' },
  'shop-feature-1': { team: 'shop' },
  'pay-main': { team: 'pay' },
};
const health: Record<string, Health> = { 'pay-main/ledger': 'Degraded' };

function resolve(self: ClusterApp, others: ClusterApp[]) {
  return resolveAccessPolicy(self, {
    cluster: 'atkv3-dev',
    apps: [self, ...others],
    labelsOf: ns => labels[ns],
    healthOf: app => health[`${app.namespace}/${app.name}`] ?? 'Healthy',
  });
}

const api: ClusterApp = {
  namespace: 'shop-main',
  name: 'api',
  accessPolicy: {
    inbound: { rules: [{ application: 'web' }] },
    outbound: {
      rules: [{ application: 'ledger', namespace: 'pay-main' }],
    },
  },
};
const web: ClusterApp = {
  namespace: 'shop-main',
  name: 'web',
  accessPolicy: { outbound: { rules: [{ application: 'api' }] } },
};
const ledger = (policy?: ClusterApp['accessPolicy']): ClusterApp => ({
  namespace: 'pay-main',
  name: 'ledger',
  accessPolicy: policy,
});

describe('resolveAccessPolicy', () => {
  it('resolves a rule without a namespace to the app of the same namespace, agreed on by both sides', () => {
    const { inbound } = resolve(api, [web, ledger()]);
    expect(inbound).toEqual([
      {
        application: 'web',
        namespace: 'shop-main',
        ports: [],
        peers: [
          {
            namespace: 'shop-main',
            name: 'web',
            health: 'Healthy',
            reciprocated: true,
          },
        ],
        problems: [],
      },
    ]);
  });

  it('flags an outbound rule the target does not answer with an inbound rule, naming the missing side', () => {
    const { outbound } = resolve(api, [web, ledger()]);
    expect(outbound[0].peers).toEqual([
      {
        namespace: 'pay-main',
        name: 'ledger',
        health: 'Degraded',
        reciprocated: false,
      },
    ]);
    expect(outbound[0].problems).toEqual([
      expect.objectContaining({
        kind: 'oneSided',
        peer: { namespace: 'pay-main', name: 'ledger' },
        missingSide: 'inbound',
      }),
    ]);
    expect(outbound[0].problems[0].message).toMatch(
      /'ledger' \(namespace pay-main\) does not allow calls from this app.*Add \{ application: api, namespace: shop-main \} to its inbound rules/,
    );
  });

  it('clears the one-sided flag once the target lets the app in', () => {
    const allowing = ledger({
      inbound: { rules: [{ application: 'api', namespace: 'shop-main' }] },
    });
    const { outbound } = resolve(api, [web, allowing]);
    expect(outbound[0].peers[0].reciprocated).toBe(true);
    expect(outbound[0].problems).toEqual([]);
  });

  it('flags an inbound rule whose caller does not list this app in its outbound rules', () => {
    const silentWeb: ClusterApp = { namespace: 'shop-main', name: 'web' };
    const { inbound } = resolve(api, [silentWeb, ledger()]);
    expect(inbound[0].problems).toEqual([
      expect.objectContaining({
        kind: 'oneSided',
        missingSide: 'outbound',
        peer: { namespace: 'shop-main', name: 'web' },
      }),
    ]);
    expect(inbound[0].problems[0].message).toMatch(/blocked on its own side/);
  });

  it('flags a rule that points at no app, and says where an app of that name does run', () => {
    const misplaced: ClusterApp = {
      namespace: 'shop-main',
      name: 'api',
      accessPolicy: {
        outbound: { rules: [{ application: 'ledger' }] },
        inbound: { rules: [{ application: 'admin', namespace: 'shop-main' }] },
      },
    };
    const { outbound, inbound } = resolve(misplaced, [ledger()]);
    expect(outbound[0].peers).toEqual([]);
    expect(outbound[0].problems).toEqual([
      {
        kind: 'noSuchApp',
        message:
          "No app named 'ledger' runs in namespace 'shop-main' on atkv3-dev, so this rule lets this app call nothing. An app named 'ledger' runs in namespace 'pay-main': did you mean that namespace?",
      },
    ]);
    expect(inbound[0].problems[0].message).toBe(
      "No app named 'admin' runs in namespace 'shop-main' on atkv3-dev, so this rule lets no app in.",
    );
  });

  it('matches namespaces by every label of a label rule, and lets a named namespace win over labels', () => {
    const byLabel: ClusterApp = {
      namespace: 'pay-main',
      name: 'ledger',
      accessPolicy: {
        inbound: {
          rules: [
            { application: 'api', namespacesByLabel: { team: 'shop' } },
            {
              application: 'api',
              namespace: 'pay-main',
              namespacesByLabel: { team: 'shop' },
            },
          ],
        },
      },
    };
    const featureApi: ClusterApp = { namespace: 'shop-feature-1', name: 'api' };
    const { inbound } = resolve(byLabel, [api, featureApi]);
    expect(inbound[0].namespacesByLabel).toEqual({ team: 'shop' });
    expect(inbound[0].namespace).toBeUndefined();
    expect(inbound[0].peers.map(p => `${p.namespace}/${p.name}`)).toEqual([
      'shop-feature-1/api',
      'shop-main/api',
    ]);
    // api in shop-main calls ledger; the feature branch's api does not.
    expect(inbound[0].peers.map(p => p.reciprocated)).toEqual([false, true]);
    expect(inbound[1]).toEqual(
      expect.objectContaining({ namespace: 'pay-main', peers: [] }),
    );
    expect(inbound[1].problems[0].kind).toBe('noSuchApp');
  });

  it('lists the apps that call this app without being let in', () => {
    const intruder: ClusterApp = {
      namespace: 'pay-main',
      name: 'billing',
      accessPolicy: {
        outbound: { rules: [{ application: 'api', namespace: 'shop-main' }] },
      },
    };
    const { blockedCallers } = resolve(api, [web, ledger(), intruder]);
    expect(blockedCallers).toEqual([
      expect.objectContaining({
        namespace: 'pay-main',
        name: 'billing',
        reciprocated: false,
      }),
    ]);
    expect(blockedCallers[0].message).toMatch(
      /add \{ application: billing, namespace: pay-main \} to this app's inbound rules/,
    );
  });

  it("shows an external host with Skiperator's default port, and flags TCP without an ip", () => {
    const caller: ClusterApp = {
      namespace: 'shop-main',
      name: 'api',
      accessPolicy: {
        outbound: {
          external: [
            { host: 'example.com' },
            {
              host: 'db.example.com',
              ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
            },
            {
              host: 'mq.example.com',
              ip: '10.0.0.9',
              ports: [{ name: 'amqp', port: 5672, protocol: 'TCP' }],
            },
          ],
        },
      },
    };
    const { external } = resolve(caller, []);
    expect(external[0]).toEqual({
      host: 'example.com',
      ports: [{ name: 'https', port: 443, protocol: 'HTTPS' }],
      defaultPorts: true,
      problems: [],
    });
    expect(external[1].problems).toEqual([
      expect.objectContaining({ kind: 'tcpWithoutIp' }),
    ]);
    expect(external[2]).toEqual(
      expect.objectContaining({ ip: '10.0.0.9', defaultPorts: false }),
    );
    expect(external[2].problems).toEqual([]);
  });

  it('answers empty lists for an app without an access policy', () => {
    expect(resolve({ namespace: 'shop-main', name: 'lonely' }, [])).toEqual({
      inbound: [],
      outbound: [],
      external: [],
      blockedCallers: [],
    });
  });
});
