import { renderInTestApp } from '@backstage/frontend-test-utils';
import { PodSummary } from '@internal/plugin-skip-common';
import { skipFleetApiRef } from '@internal/plugin-skip-react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeSkipFleetApi } from '../../__testUtils__/FakeSkipFleetApi';
import { PodLog } from './PodLog';

const sidecar = {
  name: 'istio-proxy',
  ready: true,
  restartCount: 0,
  state: 'running',
};

/** A pod whose app container cannot pull its image; its sidecar runs. */
const imagePullPod: PodSummary = {
  name: 'foo-api-7d9f8-abcde',
  phase: 'Pending',
  containers: [
    {
      name: 'foo-api',
      ready: false,
      restartCount: 0,
      state: 'waiting',
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "ghcr.io/kartverket/foo-api:typo"',
    },
    sidecar,
  ],
};

/** A pod whose app container crashes and waits to restart. */
const crashLoopPod: PodSummary = {
  name: 'bar-api-55c-xyz12',
  phase: 'Running',
  containers: [
    {
      name: 'bar-api',
      ready: false,
      restartCount: 4,
      state: 'waiting',
      reason: 'CrashLoopBackOff',
    },
    sidecar,
  ],
};

async function renderLog(api: FakeSkipFleetApi, pods: PodSummary[]) {
  await renderInTestApp(
    <PodLog cluster="atkv3-dev" namespace="foo-main" pods={pods} />,
    { apis: [[skipFleetApiRef, api]] },
  );
}

describe('PodLog', () => {
  it('opens an image-pull pod on the container that has a log, and says plainly why the other has none', async () => {
    const api = new FakeSkipFleetApi();
    api.logs.set(
      'foo-api-7d9f8-abcde/istio-proxy',
      'no healthy upstream for foo-api',
    );
    await renderLog(api, [imagePullPod]);

    expect(
      await screen.findByText('no healthy upstream for foo-api'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('option', {
        name: 'foo-api (waiting: image not found)',
      }),
    ).toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByLabelText('Container'),
      'foo-api',
    );
    expect(
      screen.getByText(/foo-api: waiting: image not found/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Back-off pulling image "ghcr.io/kartverket/foo-api:typo"',
      ),
    ).toBeInTheDocument();
    // Nothing is asked of the cluster for a container that never ran, and nothing to follow.
    expect(api.logReads).toEqual(['foo-api-7d9f8-abcde/istio-proxy']);
    expect(screen.queryByRole('button', { name: 'Follow' })).toBeNull();
  });

  it("opens a crash-looping container on its previous run's log", async () => {
    const api = new FakeSkipFleetApi();
    api.logs.set(
      'bar-api-55c-xyz12/bar-api/previous',
      'Connection to postgres:5432 refused',
    );
    api.logs.set('bar-api-55c-xyz12/bar-api', 'Starting bar-api');
    await renderLog(api, [crashLoopPod]);

    expect(
      await screen.findByText('Connection to postgres:5432 refused'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Ended run');

    await userEvent.selectOptions(screen.getByLabelText('Run'), 'current');
    expect(await screen.findByText('Starting bar-api')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Stopped');
  });

  it('shows the current run when the cluster kept no log of the previous one', async () => {
    const api = new FakeSkipFleetApi();
    api.getPodLog = async (_ref, options) => {
      if (options?.previous) {
        throw Object.assign(new Error('has no log of a previous run'), {
          statusCode: 400,
        });
      }
      return 'Connection to postgres:5432 refused';
    };
    await renderLog(api, [crashLoopPod]);
    expect(
      await screen.findByText('Connection to postgres:5432 refused'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /kept no log of its previous run: this is its current run/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the follow state in words: "Stopped · Follow", then "Following · Stop"', async () => {
    const api = new FakeSkipFleetApi();
    api.logs.set('foo-api-7d9f8-abcde/istio-proxy', 'first line\n');
    api.followChunks = ['second line\n'];
    await renderLog(api, [imagePullPod]);
    await screen.findByText('first line');
    expect(screen.getByRole('status')).toHaveTextContent('Stopped');

    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));
    await waitFor(() =>
      expect(screen.getByTestId('skip-pod-log')).toHaveTextContent(
        /first line\s*second line/,
      ),
    );
    // The fake's stream ends after its chunks, which the view says.
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('Stream ended'),
    );
    expect(screen.getByRole('button', { name: 'Follow' })).toBeInTheDocument();
  });

  it('keeps following while the stream is open and offers Stop', async () => {
    const api = new FakeSkipFleetApi();
    api.logs.set('foo-api-7d9f8-abcde/istio-proxy', 'line\n');
    let release: () => void = () => {};
    api.followPodLog = async function* follow() {
      yield 'streamed line\n';
      await new Promise<void>(resolve => {
        release = resolve;
      });
    };
    await renderLog(api, [imagePullPod]);
    await screen.findByText('line');
    await userEvent.click(screen.getByRole('button', { name: 'Follow' }));
    await screen.findByText('streamed line');
    expect(screen.getByRole('status')).toHaveTextContent('Following');
    await userEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(screen.getByRole('status')).toHaveTextContent('Stopped');
    release();
  });

  it('shows why a log could not be read, with Retry', async () => {
    const api = new FakeSkipFleetApi();
    let fail = true;
    api.getPodLog = async () => {
      if (fail)
        throw new Error("Cluster 'atkv3-dev' did not answer within 8000 ms");
      return 'back again';
    };
    await renderLog(api, [imagePullPod]);
    expect(
      await screen.findByText(
        "Could not read the log: Cluster 'atkv3-dev' did not answer within 8000 ms",
      ),
    ).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('back again')).toBeInTheDocument();
  });

  it('wraps long lines instead of scrolling sideways', async () => {
    const api = new FakeSkipFleetApi();
    api.logs.set('foo-api-7d9f8-abcde/istio-proxy', 'x'.repeat(500));
    await renderLog(api, [imagePullPod]);
    const log = await screen.findByTestId('skip-pod-log');
    expect(getComputedStyle(log).whiteSpace).toBe('pre-wrap');
  });
});
