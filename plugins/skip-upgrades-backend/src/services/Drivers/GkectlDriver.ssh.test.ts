import { FleetSim, startFleetSim } from '@internal/fleet-sim';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { upgradesConfigSchema, UpgradeSite } from '../../config/upgradesConfig';
import { startSshd, TestSshd } from '../../__testUtils__/startSshd';
import { SshExecutor } from '../Executors/SshExecutor';
import { GkectlDriver } from './GkectlDriver';

jest.setTimeout(60_000);

/**
 * The gkectl driver over SSH to an admin workstation, as in the data centre: Debian's sshd
 * on loopback stands in for the workstation, with the simulator's gkectl on its PATH.
 */
describe('GkectlDriver over SSH', () => {
  let sim: FleetSim;
  let sshd: TestSshd;
  let dir: string;
  let site: UpgradeSite;
  let driver: GkectlDriver;
  let executor: SshExecutor;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-gkectl-ssh-'));
    [sim, sshd] = await Promise.all([
      startFleetSim({ scenario: 'demo', dir }),
      startSshd(),
    ]);
    const local = upgradesConfigSchema.parse(
      YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8')).skip.upgrades,
    ).sites[0];
    if (local.executor.type !== 'local')
      throw new Error('the simulator writes local executors');
    const env = {
      ...local.executor.env,
      PATH: [
        ...local.executor.path,
        path.dirname(process.execPath),
        process.env.PATH,
      ].join(':'),
    };
    site = {
      ...local,
      executor: {
        type: 'ssh',
        host: sshd.host,
        port: sshd.port,
        username: sshd.username,
        privateKey: sshd.privateKey,
        hostKeySha256: sshd.hostKeySha256,
        env,
      },
    };
    executor = SshExecutor.create({
      host: sshd.host,
      port: sshd.port,
      username: sshd.username,
      privateKey: sshd.privateKey,
      hostKeySha256: sshd.hostKeySha256,
      cwd: site.workDir,
      env,
    });
    driver = GkectlDriver.create({
      sites: [site],
      executors: new Map([[site.name, executor]]),
      fleet: {
        clusters: async () => [],
        health: async () => {
          throw new Error('unused');
        },
      },
    });
  });
  afterAll(async () => {
    await executor?.close();
    await Promise.all([sim?.stop(), sshd?.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const stepOf = (
    kind: 'set-config-version' | 'preflight-check-config',
    cluster: string,
  ) => {
    const rendered = driver.render({
      kind,
      site: site.name,
      targetVersion: '1.30.400-gke.133',
      cluster: {
        name: cluster,
        role: 'user',
        adminCluster: 'atkv3-admin-nonprod',
      },
    });
    return {
      key: `test/${kind}/${cluster}`,
      kind,
      title: kind,
      site: site.name,
      cluster,
      ...rendered,
      expectedSeconds: 1,
    };
  };

  it('asks the workstation for its gkectl version', async () => {
    await expect(driver.gkectlVersion('atkv3')).resolves.toBe(
      '1.30.400-gke.133',
    );
  });

  it('edits the cluster config through SFTP and runs gkectl check-config, never printing the key', async () => {
    const lines: string[] = [];
    const io = {
      signal: new AbortController().signal,
      onLine: (l: { line: string }) => void lines.push(l.line),
    };
    await expect(
      driver.execute(
        stepOf('set-config-version', 'atkv3-test'),
        '1.30.400-gke.133',
        io,
      ),
    ).resolves.toEqual({ exitCode: 0 });
    expect(
      fs.readFileSync(path.join(site.workDir!, 'atkv3-test.yaml'), 'utf8'),
    ).toContain('gkeOnPremVersion: 1.30.400-gke.133');
    const check = await driver.execute(
      stepOf('preflight-check-config', 'atkv3-test'),
      '1.30.400-gke.133',
      io,
    );
    expect(check).toEqual({ exitCode: 0 });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /Preflight check summary: \d+ successes, 0 warnings, 0 failures/,
        ),
      ]),
    );
    const keyLine = sshd.privateKey.split('\n')[1];
    expect(lines.join('\n')).not.toContain(keyLine);
    const invocations = await fetch(
      new URL('/gkectl/invocations', sim.controlUrl),
    ).then(r => r.json());
    expect(invocations.invocations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          command: 'check-config',
          cluster: 'atkv3-test',
          exitCode: 0,
        }),
      ]),
    );
  });
});
