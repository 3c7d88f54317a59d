import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const SSHD = '/usr/sbin/sshd';

/** A throwaway OpenSSH server on loopback that accepts one generated client key. */
export type TestSshd = {
  host: string;
  port: number;
  username: string;
  /** The client key sshd accepts (OpenSSH format). */
  privateKey: string;
  /** As `ssh-keygen -lf` prints it, with the `SHA256:` prefix. */
  hostKeySha256: string;
  /** Where the keys and the config live; removed by stop(). */
  dir: string;
  stop(): Promise<void>;
};

/** Starts Debian's sshd on 127.0.0.1 with a free port, as the current user, for tests. */
export async function startSshd(): Promise<TestSshd> {
  if (!existsSync(SSHD)) {
    throw new Error(
      `${SSHD} not found: install openssh-server (scripts/test.sh does)`,
    );
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'skip-sshd-'));
  const keygen = (file: string) =>
    promisify(execFile)('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      'skip-test',
      '-f',
      file,
    ]);
  await keygen(path.join(dir, 'host_key'));
  await keygen(path.join(dir, 'client_key'));
  await fs.copyFile(
    path.join(dir, 'client_key.pub'),
    path.join(dir, 'authorized_keys'),
  );
  // sshd refuses to start without its privilege-separation directory.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  const port = await freePort();
  const config = path.join(dir, 'sshd_config');
  await fs.writeFile(
    config,
    [
      'ListenAddress 127.0.0.1',
      `Port ${port}`,
      `HostKey ${path.join(dir, 'host_key')}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'PermitRootLogin prohibit-password',
      'StrictModes no',
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      'Subsystem sftp internal-sftp',
      'LogLevel ERROR',
      '',
    ].join('\n'),
  );

  const child = spawn(SSHD, ['-D', '-e', '-f', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await fs.rm(dir, { recursive: true, force: true });
  };

  try {
    await waitForPort(
      port,
      () => child.exitCode !== null || child.signalCode !== null,
    );
  } catch (error) {
    await stop();
    throw new Error(`sshd did not start: ${(error as Error).message}\n${log}`);
  }

  const hostPub = (
    await fs.readFile(path.join(dir, 'host_key.pub'), 'utf8')
  ).split(' ')[1];
  const hostKeySha256 = `SHA256:${createHash('sha256')
    .update(Buffer.from(hostPub, 'base64'))
    .digest('base64')
    .replace(/=+$/, '')}`;

  return {
    host: '127.0.0.1',
    port,
    username: os.userInfo().username,
    privateKey: await fs.readFile(path.join(dir, 'client_key'), 'utf8'),
    hostKeySha256,
    dir,
    stop,
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(
  port: number,
  hasExited: () => boolean,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (hasExited()) throw new Error('sshd exited');
    const open = await new Promise<boolean>(resolve => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(`port ${port} not open after 10 s`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}
