import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import { ResourceTree } from './ResourceTree';
import { failingTree, healthyTree } from './treeFixtures';

const dev = { cluster: 'atkv3-dev', namespace: 'foo-main', name: 'foo-api' };
const prod = { ...dev, cluster: 'atkv3-prod' };

async function render(
  api: FakeSkipFleetApi,
  app = dev,
  onOpenResource = jest.fn(),
) {
  await renderInTestApp(
    <ResourceTree app={app} onOpenResource={onOpenResource} />,
    { apis: [[skipFleetApiRef, api]] },
  );
  return onOpenResource;
}

/** Each row as "<depth> <kind> <name> · <health> · <sync>". */
async function rowsOf(name: string) {
  const list = await screen.findByRole('list', {
    name: `Resources of ${name}`,
  });
  return within(list)
    .getAllByRole('listitem')
    .map(item => {
      const [resource, health, sync] = Array.from(item.children).map(
        c => c.textContent,
      );
      return `${item.getAttribute(
        'data-depth',
      )} ${resource} · ${health} · ${sync}`;
    });
}

describe('ResourceTree', () => {
  it('shows a healthy app and everything it is made of, each under its owner, with health and Argo CD sync', async () => {
    const api = new FakeSkipFleetApi();
    api.trees.set('atkv3-dev/foo-main/foo-api', healthyTree());
    await render(api);
    expect(await rowsOf('foo-api')).toEqual([
      '0 Application foo-api · Healthy · Synced',
      '1 Deployment foo-api · Healthy · ',
      '2 ReplicaSet foo-api-7d9f8 · Healthy · ',
      '3 Pod foo-api-7d9f8-abcde · Healthy · ',
      '3 Pod foo-api-7d9f8-fghij · Healthy · ',
      '1 Service foo-api · Healthy · ',
      '1 HorizontalPodAutoscaler foo-api · Healthy · ',
      '1 NetworkPolicy foo-api · Healthy · ',
      '1 ServiceAccount foo-api · Healthy · ',
    ]);
    // Nothing fails, so there is nothing to explain.
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says once on top why a failing app fails, and on each failing node why', async () => {
    const api = new FakeSkipFleetApi();
    api.trees.set('atkv3-prod/foo-main/foo-api', failingTree());
    await render(api, prod);
    const rows = await rowsOf('foo-api');
    expect(rows).toContain(
      '3 Pod foo-api-7d9f8-abcde' +
        'Image not found: ghcr.io/kartverket/foo-api:1.5.0-typo · Failing · ',
    );
    expect(rows).toContain(
      '1 Deployment foo-api0 of 2 pods ready · Failing · ',
    );
    expect(rows).toContain('1 Service foo-api · Healthy · ');
    // Git no longer has it: Argo CD removes it on a sync with prune.
    expect(rows).toContain(
      '1 ServiceEntry old-api · Healthy · Requires pruning',
    );

    const explanation = screen.getByRole('alert');
    expect(explanation).toHaveTextContent('Image not found');
    expect(explanation).toHaveTextContent(
      /cannot pull ghcr\.io\/kartverket\/foo-api:1\.5\.0-typo/,
    );
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(
      screen.getByText(/did not let the portal list them: PodDisruptionBudget/),
    ).toBeInTheDocument();
  });

  it("opens an object's drill-down from its row", async () => {
    const api = new FakeSkipFleetApi();
    api.trees.set('atkv3-prod/foo-main/foo-api', failingTree());
    const onOpenResource = await render(api, prod);
    await userEvent.click(
      await screen.findByRole('button', { name: 'Pod foo-api-7d9f8-abcde' }),
    );
    expect(onOpenResource).toHaveBeenCalledWith({
      cluster: 'atkv3-prod',
      namespace: 'foo-main',
      kind: 'Pod',
      name: 'foo-api-7d9f8-abcde',
      health: 'Degraded',
      message: 'Image not found: ghcr.io/kartverket/foo-api:1.5.0-typo',
    });
  });

  it('says inline when the tree cannot be read, and reads it again on Retry', async () => {
    const api = new FakeSkipFleetApi();
    await render(api);
    expect(
      await screen.findByText('Could not load the resource tree'),
    ).toBeInTheDocument();
    api.trees.set('atkv3-dev/foo-main/foo-api', healthyTree());
    await userEvent.click(screen.getByRole('button', { name: /Retry/ }));
    expect(await rowsOf('foo-api')).toHaveLength(9);
  });
});
