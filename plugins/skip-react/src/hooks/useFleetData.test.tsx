import { TestApiProvider } from '@backstage/test-utils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  FleetChangeSignal,
  SKIP_FLEET_SIGNAL_CHANNEL,
} from '@internal/plugin-skip-common';
import { act, renderHook, waitFor } from '@testing-library/react';
import { ReactNode } from 'react';
import { MockSignalApi } from '../__testUtils__';
import { namesAnyOf } from '../lib/fleetChanges';
import { FALLBACK_POLL_MS, useFleetData } from './useFleetData';

type Shown = { apps: string[] };

let visibility: DocumentVisibilityState = 'visible';
beforeAll(() => {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => visibility,
  });
});
afterEach(() => {
  visibility = 'visible';
  jest.useRealTimers();
});

function setVisibility(next: DocumentVisibilityState) {
  visibility = next;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

function renderFleetData(signals: MockSignalApi) {
  const load = jest.fn(
    async (): Promise<Shown> => ({ apps: ['atkv3-dev/foo-main/foo-api'] }),
  );
  const wrapper = (props: { children: ReactNode }) => (
    <TestApiProvider apis={[[signalApiRef, signals]]}>
      {props.children}
    </TestApiProvider>
  );
  const hook = renderHook(
    () =>
      useFleetData(load, [], {
        refetchOn: (signal, shown) => namesAnyOf(signal, { apps: shown?.apps }),
      }),
    { wrapper },
  );
  return { load, hook };
}

function publish(signals: MockSignalApi, change: FleetChangeSignal) {
  act(() => signals.publish(SKIP_FLEET_SIGNAL_CHANNEL, change));
}

describe('useFleetData', () => {
  it('loads again when a signal names an app the view shows, and not for another app', async () => {
    const signals = new MockSignalApi();
    const { load, hook } = renderFleetData(signals);
    await waitFor(() => expect(hook.result.current.loading).toBe(false));
    expect(hook.result.current.value?.apps).toEqual([
      'atkv3-dev/foo-main/foo-api',
    ]);
    expect(load).toHaveBeenCalledTimes(1);

    publish(signals, { clusters: [], apps: ['atkv3-dev/bar-main/bar-api'] });
    publish(signals, { clusters: ['atkv3-dev'], apps: [] });
    await act(() => Promise.resolve());
    expect(load).toHaveBeenCalledTimes(1);

    publish(signals, { clusters: [], apps: ['atkv3-dev/foo-main/foo-api'] });
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
  });

  it('polls slowly while the tab is visible, not at all while hidden, and catches up on return', async () => {
    jest.useFakeTimers();
    const signals = new MockSignalApi();
    const { load, hook } = renderFleetData(signals);
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(hook.result.current.value).toBeDefined();
    expect(load).toHaveBeenCalledTimes(1);

    await act(() => jest.advanceTimersByTimeAsync(FALLBACK_POLL_MS - 1_000));
    expect(load).toHaveBeenCalledTimes(1);
    await act(() => jest.advanceTimersByTimeAsync(1_000));
    expect(load).toHaveBeenCalledTimes(2);

    setVisibility('hidden');
    await act(() => jest.advanceTimersByTimeAsync(10 * FALLBACK_POLL_MS));
    // A change while hidden waits for the person to come back.
    publish(signals, { clusters: [], apps: ['atkv3-dev/foo-main/foo-api'] });
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(load).toHaveBeenCalledTimes(2);

    setVisibility('visible');
    await act(() => jest.advanceTimersByTimeAsync(0));
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('keeps the last good value when a later load fails, and tries again on retry', async () => {
    const signals = new MockSignalApi();
    const { load, hook } = renderFleetData(signals);
    await waitFor(() => expect(hook.result.current.value).toBeDefined());

    load.mockRejectedValueOnce(new Error('skip-fleet is down'));
    act(() => hook.result.current.retry());
    await waitFor(() =>
      expect(hook.result.current.error?.message).toBe('skip-fleet is down'),
    );
    expect(hook.result.current.value?.apps).toHaveLength(1);

    act(() => hook.result.current.retry());
    await waitFor(() => expect(hook.result.current.error).toBeUndefined());
    expect(load).toHaveBeenCalledTimes(3);
  });
});
