import type { Readable } from 'node:stream';
import { useSimulatedCluster } from '../__testUtils__/useSimulatedCluster';
import { classifyClusterError } from './classifyClusterError';
import { endWithNotice } from './endWithNotice';
import { openPodLogStream } from './openPodLogStream';

/** Collects a stream's text; `until` resolves once the text so far contains the needle. */
function collect(stream: Readable) {
  let text = '';
  const waiters: { needle: string; resolve: () => void }[] = [];
  stream.on('data', chunk => {
    text += chunk.toString();
    for (const w of waiters.filter(x => text.includes(x.needle))) w.resolve();
  });
  const ended = new Promise<string>(resolve =>
    stream.on('close', () => resolve(text)),
  );
  const until = (needle: string) =>
    text.includes(needle)
      ? Promise.resolve()
      : new Promise<void>(resolve => waiters.push({ needle, resolve }));
  return { until, ended };
}

describe('openPodLogStream with endWithNotice', () => {
  const { sim, calls } = useSimulatedCluster();

  beforeAll(() => {
    sim()
      .cluster('a')
      .store.put({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'web-1', namespace: 'default' },
        spec: { containers: [{ name: 'web' }] },
      } as any);
  });

  afterEach(async () => {
    await sim().setFaults('a', { down: false });
  });

  async function follow(signal: AbortSignal) {
    const source = await calls().call(
      'a',
      'Pod default/web-1',
      clients =>
        openPodLogStream(clients, {
          namespace: 'default',
          pod: 'web-1',
          container: 'web',
          tailLines: 10,
        }),
      { signal, timeoutMs: 5_000 },
    );
    return endWithNotice(
      source,
      signal,
      error => `[ended: ${classifyClusterError(error).category}]\n`,
    );
  }

  it('streams new lines, and ends with a last line saying why when the cluster drops', async () => {
    const logs = sim().cluster('a').logs;
    logs.append('default', 'web-1', 'web', 'first');
    const { until, ended } = collect(
      await follow(new AbortController().signal),
    );
    await until('first\n');
    logs.append('default', 'web-1', 'web', 'second');
    await until('second\n');

    await sim().setFaults('a', { down: true });

    expect(await ended).toBe('first\nsecond\n[ended: unreachable]\n');
  }, 15_000);

  it('ends quietly when the reader goes away', async () => {
    const reader = new AbortController();
    const { until, ended } = collect(await follow(reader.signal));
    await until('first\n');

    reader.abort();

    expect(await ended).not.toContain('[ended');
  }, 15_000);

  it('refuses to open a log of a container the pod does not have', async () => {
    await expect(
      calls().call('a', 'Pod default/web-1', clients =>
        openPodLogStream(clients, {
          namespace: 'default',
          pod: 'web-1',
          container: 'sidecar',
          tailLines: 10,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining('(HTTP 400)'),
    });
  }, 15_000);
});
