import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { FleetSim, startFleetSim } from '@internal/fleet-sim';
// The engine tests stand on the real fleet backend, as the plugin does in the portal.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import skipFleetPlugin from '@internal/plugin-skip-fleet-backend';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { upgradesConfigSchema, UpgradesConfig } from '../config/upgradesConfig';
import type { FleetBackendReader } from '../services/FleetReader/FleetBackendReader';
import { fleetReaderFor } from './fleetReaderFor';

/** What the engine tests stand on: the simulated demo fleet and the real fleet backend serving it over HTTP. */
export type FleetApi = {
  sim: FleetSim;
  dir: string;
  /** The fleet backend's base URL (…/api/skip-fleet). */
  fleetUrl: string;
  /** `skip.upgrades` as the simulator wrote it, validated. */
  upgrades: UpgradesConfig;
  /** A FleetReader over HTTP with a service token, as the plugin has one. */
  reader(): FleetBackendReader;
  /** The simulator's record of every gkectl/gkeadm run. */
  invocations(): Promise<
    {
      command: string;
      cluster?: string;
      exitCode?: number;
      finishedAt?: string;
    }[]
  >;
  stop(): Promise<void>;
};

/** Starts the demo fleet and the fleet backend alone (no upgrades plugin: the tests bring their own engines). */
export async function startFleetApi(): Promise<FleetApi> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-upgrades-test-'));
  const sim = await startFleetSim({ scenario: 'demo', dir });
  const appConfig = YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8'));
  const allow = async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW }));
  const { server } = await startTestBackend({
    features: [
      skipFleetPlugin,
      mockServices.rootConfig.factory({ data: appConfig }),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.permissions.mock({
        authorize: allow as never,
        authorizeConditional: allow as never,
      }).factory,
    ],
  });
  const fleetUrl = `http://localhost:${
    (server.address() as AddressInfo).port
  }/api/skip-fleet`;
  return {
    sim,
    dir,
    fleetUrl,
    upgrades: upgradesConfigSchema.parse(appConfig.skip.upgrades),
    reader: () => fleetReaderFor(fleetUrl),
    invocations: async () => {
      const res = await fetch(new URL('/gkectl/invocations', sim.controlUrl));
      return ((await res.json()) as { invocations: never[] }).invocations;
    },
    stop: async () => {
      await new Promise(resolve => server.close(resolve));
      await sim.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
