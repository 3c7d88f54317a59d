import { SignalApi } from '@backstage/plugin-signals-react';

// The JSON object a signal carries, named without a dependency on @backstage/types.
type SignalMessage = Parameters<Parameters<SignalApi['subscribe']>[1]>[0];

/** A {@link SignalApi} for tests: `publish` delivers a message to the channel's subscribers. */
export class MockSignalApi implements SignalApi {
  private readonly subscribers = new Map<
    string,
    Set<(message: SignalMessage) => void>
  >();

  subscribe<TMessage extends SignalMessage = SignalMessage>(
    channel: string,
    onMessage: (message: TMessage) => void,
  ) {
    const listeners = this.subscribers.get(channel) ?? new Set();
    this.subscribers.set(channel, listeners);
    const listener = onMessage as (message: SignalMessage) => void;
    listeners.add(listener);
    return {
      unsubscribe: () => {
        listeners.delete(listener);
      },
    };
  }

  publish(channel: string, message: SignalMessage): void {
    for (const listener of this.subscribers.get(channel) ?? []) {
      listener(message);
    }
  }
}
