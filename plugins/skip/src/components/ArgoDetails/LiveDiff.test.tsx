import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { ArgoAppDiff } from '@internal/plugin-skip-common';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import { failingApp } from '../../__testUtils__/fixtures';
import { LiveDiff } from './LiveDiff';

const app = failingApp;
const argo = app.argo!;
const KEY = `${argo.instance}/${argo.namespace}/${argo.name}`;

const inSync: ArgoAppDiff = {
  instance: argo.instance,
  namespace: argo.namespace,
  name: argo.name,
  available: true,
  resources: [
    {
      group: 'skiperator.kartverket.no',
      kind: 'Application',
      namespace: 'foo-main',
      name: 'foo-api',
      change: 'none',
      diff: '',
    },
  ],
};

async function renderDiff(answer?: ArgoAppDiff) {
  const api = new FakeSkipFleetApi();
  if (answer) api.argoDiffs.set(KEY, answer);
  await renderInTestApp(<LiveDiff app={app} argo={argo} />, {
    apis: [[skipFleetApiRef, api]],
  });
}

describe('LiveDiff', () => {
  it('says so when every resource matches git', async () => {
    await renderDiff(inSync);
    expect(
      await screen.findByText(
        'No differences: every resource on the cluster matches git.',
      ),
    ).toBeInTheDocument();
  });

  it('shows each changed resource with its diff, the cluster side removed and git added', async () => {
    await renderDiff({
      ...inSync,
      resources: [
        {
          ...inSync.resources[0],
          change: 'modified',
          diff: [
            '@@ -10,4 +10,4 @@',
            '   replicas:',
            '-    max: 2',
            '+    max: 10',
            '     min: 3',
          ].join('\n'),
        },
        {
          kind: 'ConfigMap',
          namespace: 'foo-main',
          name: 'foo-api-config',
          change: 'missing',
          diff: '@@ -0,0 +1,1 @@\n+kind: ConfigMap',
        },
        { kind: 'Service', name: 'foo-api', change: 'none', diff: '' },
      ],
    });
    const modified = await screen.findByRole('group', {
      name: 'Application foo-api',
    });
    expect(within(modified).getByText('Modified')).toBeInTheDocument();
    const diff = within(modified).getByLabelText('Diff of Application foo-api');
    expect(within(diff).getByText('- max: 2')).toBeInTheDocument();
    expect(within(diff).getByText('+ max: 10')).toBeInTheDocument();
    expect(
      within(
        screen.getByRole('group', { name: 'ConfigMap foo-api-config' }),
      ).getByText('Missing on the cluster'),
    ).toBeInTheDocument();
    // Resources that match git are not listed.
    expect(
      screen.queryByRole('group', { name: 'Service foo-api' }),
    ).not.toBeInTheDocument();
  });

  it('says why there is no diff when no Argo CD API is configured for the instance', async () => {
    await renderDiff();
    expect(
      await screen.findByText(
        `No Argo CD API configured for instance ${argo.instance}`,
      ),
    ).toBeInTheDocument();
  });
});
