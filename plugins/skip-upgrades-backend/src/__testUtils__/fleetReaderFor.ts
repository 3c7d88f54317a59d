import { SkipFleetClient } from '@internal/plugin-skip-common';
import { FleetBackendReader } from '../services/FleetReader/FleetBackendReader';

/** A FleetReader for a process that is not a Backstage backend (the restart tests' engine process). */
export function fleetReaderFor(fleetUrl: string): FleetBackendReader {
  return FleetBackendReader.fromClient(
    new SkipFleetClient({
      discoveryApi: { getBaseUrl: async () => fleetUrl },
      fetchApi: {
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          headers.set('authorization', 'Bearer mock-service-token');
          return fetch(input, { ...init, headers });
        },
      },
    }),
  );
}
