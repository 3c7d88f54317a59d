import { useApi } from '@backstage/core-plugin-api';
import { AppsResponse } from '@internal/plugin-skip-common';
import {
  fleetAppKey,
  namesAnyOf,
  skipFleetApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';

/** The apps of a component (entity ref) or team (group ref), kept fresh by fleet signals. */
export function useEntityApps(query: { entityRef: string } | { team: string }) {
  const api = useApi(skipFleetApiRef);
  const key = 'entityRef' in query ? query.entityRef : query.team;
  return useFleetData<AppsResponse>(() => api.getApps(query), [api, key], {
    refetchOn: (signal, shown) =>
      namesAnyOf(signal, {
        apps: shown?.items.map(fleetAppKey),
        clusters: shown?.clusters.map(c => c.cluster),
      }),
  });
}
