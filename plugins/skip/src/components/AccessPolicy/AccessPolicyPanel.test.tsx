import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { AppAccessPolicy } from '@internal/plugin-skip-common';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import { AccessPolicyPanel } from './AccessPolicyPanel';

const app = { cluster: 'atkv3-dev', namespace: 'shop-main', name: 'api' };

const policy: AppAccessPolicy = {
  ...app,
  environment: 'dev',
  declared: true,
  inbound: [
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
          entityRef: 'component:default/shop-web',
        },
      ],
      problems: [],
    },
    {
      application: 'admin',
      namespace: 'shop-admin',
      ports: [],
      peers: [],
      problems: [
        {
          kind: 'noSuchApp',
          message:
            "No app named 'admin' runs in namespace 'shop-admin' on atkv3-dev, so this rule lets no app in.",
        },
      ],
    },
  ],
  outbound: [
    {
      application: 'ledger',
      namespace: 'pay-main',
      ports: [{ port: '8080', protocol: 'TCP' }],
      peers: [
        {
          namespace: 'pay-main',
          name: 'ledger',
          health: 'Degraded',
          reciprocated: false,
        },
      ],
      problems: [
        {
          kind: 'oneSided',
          peer: { namespace: 'pay-main', name: 'ledger' },
          missingSide: 'inbound',
          message:
            "'ledger' (namespace pay-main) does not allow calls from this app: its accessPolicy.inbound.rules do not name it, so these calls are denied.",
        },
      ],
    },
  ],
  external: [
    {
      host: 'ws.geonorge.no',
      ports: [{ name: 'https', port: 443, protocol: 'HTTPS' }],
      defaultPorts: true,
      problems: [],
    },
  ],
  blockedCallers: [
    {
      namespace: 'geo-main',
      name: 'catalog',
      health: 'Healthy',
      reciprocated: false,
      message:
        "'catalog' (namespace geo-main) lists this app in its outbound rules, but this app's inbound rules do not let it in, so its calls are denied.",
    },
  ],
  freshness: { cluster: 'atkv3-dev', reachability: 'reachable' },
  generatedAt: new Date().toISOString(),
};

async function renderPanel(answer?: AppAccessPolicy) {
  const api = new FakeSkipFleetApi();
  if (answer) api.accessPolicies.set('atkv3-dev/shop-main/api', answer);
  await renderInTestApp(<AccessPolicyPanel app={app} />, {
    apis: [[skipFleetApiRef, api]],
  });
}

describe('AccessPolicyPanel', () => {
  it('lists who may call the app, each resolved app linked to its component, and marks the rule that points at nothing', async () => {
    await renderPanel(policy);
    const callers = await screen.findByRole('region', {
      name: 'May call this app',
    });
    const items = within(callers).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      expect.stringMatching(/^Both sides allow\s*web\s*in namespace shop-main/),
      expect.stringMatching(/^No such app\s*admin\s*in namespace shop-admin/),
      expect.stringMatching(/^Not let in\s*catalog/),
    ]);
    expect(within(items[0]).getByRole('link', { name: 'web' })).toHaveAttribute(
      'href',
      '/catalog/default/component/shop-web/skip',
    );
    expect(
      within(items[1]).getByText(/so this rule lets no app in/),
    ).toBeInTheDocument();
    expect(
      within(items[2]).getByText(/its calls are denied/),
    ).toBeInTheDocument();
  });

  it('lists whom the app calls, flags the call the other side does not allow, and shows external hosts with their ports', async () => {
    await renderPanel(policy);
    const calls = await screen.findByRole('region', { name: 'This app calls' });
    const [ledger, host] = within(calls).getAllByRole('listitem');
    expect(within(ledger).getByText('Other side missing')).toBeInTheDocument();
    expect(
      within(ledger).getByText('(the app is failing)'),
    ).toBeInTheDocument();
    expect(within(ledger).getByText('port TCP 8080')).toBeInTheDocument();
    expect(
      within(ledger).getByText(/does not allow calls from this app/),
    ).toBeInTheDocument();
    expect(
      within(host).getByRole('link', { name: /^ws.geonorge.no/ }),
    ).toHaveAttribute('href', 'https://ws.geonorge.no');
    expect(
      within(host).getByText('HTTPS 443 (the default)'),
    ).toBeInTheDocument();
  });

  it('says in words what having no access policy means', async () => {
    await renderPanel({
      ...policy,
      declared: false,
      inbound: [],
      outbound: [],
      external: [],
      blockedCallers: [],
    });
    expect(
      await screen.findByText(/This app has no accessPolicy: no other app on/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: 'May call this app' }),
    ).toBeNull();
  });

  it('shows why the policy could not be loaded, with Retry', async () => {
    await renderPanel();
    expect(
      await screen.findByText('Could not load the access policy'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /retry/i })).toBeInTheDocument();
  });
});
