import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { startSshd, TestSshd } from '../../__testUtils__/startSshd';
import { SshExecutor, SshExecutorOptions } from './SshExecutor';
import type { CommandOutputLine, CommandRequest } from './types';

jest.setTimeout(30_000);

async function run(
  executor: SshExecutor,
  request: Omit<CommandRequest, 'onLine'>,
) {
  const lines: CommandOutputLine[] = [];
  const result = await executor.run({ ...request, onLine: l => lines.push(l) });
  const of = (stream: CommandOutputLine['stream']) =>
    lines.filter(l => l.stream === stream).map(l => l.line);
  return { result, lines, stdout: of('stdout'), stderr: of('stderr') };
}

function runningWith(marker: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function waitUntil(check: () => boolean, ms = 5_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise(r => setTimeout(r, 50));
  }
  return true;
}

describe('SshExecutor', () => {
  let sshd: TestSshd;
  let work: string;
  let executor: SshExecutor;
  const created: SshExecutor[] = [];

  const connect = (options: Partial<SshExecutorOptions> = {}) => {
    const e = SshExecutor.create({
      host: sshd.host,
      port: sshd.port,
      username: sshd.username,
      privateKey: sshd.privateKey,
      hostKeySha256: sshd.hostKeySha256,
      graceMs: 500,
      ...options,
    });
    created.push(e);
    return e;
  };

  beforeAll(async () => {
    sshd = await startSshd();
    work = path.join(sshd.dir, 'work');
    await fs.mkdir(work);
  });

  afterAll(async () => {
    for (const e of created) await e.close();
    await sshd?.stop();
  });

  beforeEach(() => {
    executor = connect({ cwd: work });
  });

  it('passes arguments literally through the remote shell', async () => {
    const args = [
      'a b',
      '$(id)',
      "x'y",
      ';ls',
      '`id`',
      '*',
      '"q"',
      '$HOME',
      'a\\b',
      '',
    ];
    const { result, stdout } = await run(executor, {
      argv: ['printf', '%s\\n', ...args],
    });
    expect(result).toEqual({ exitCode: 0 });
    expect(stdout).toEqual(args);
  });

  it('reports the exit code and keeps stdout and stderr apart', async () => {
    const { result, stdout, stderr } = await run(executor, {
      argv: ['sh', '-c', 'echo out; echo err >&2; exit 3'],
    });
    expect(result).toEqual({ exitCode: 3 });
    expect(stdout).toEqual(['out']);
    expect(stderr).toEqual(['err']);
  });

  it('joins a line printed in pieces and flushes a last line without a newline', async () => {
    const { stdout } = await run(executor, {
      argv: ['sh', '-c', "printf par; sleep 0.2; printf 'tial\\nlast'"],
    });
    expect(stdout).toEqual(['partial', 'last']);
  });

  it('runs in the working directory with quoted environment values', async () => {
    const sub = path.join(work, 'a dir');
    await fs.mkdir(sub, { recursive: true });
    const withEnv = connect({ cwd: work, env: { BASE: 'base' } });
    const { stdout } = await run(withEnv, {
      argv: ['sh', '-c', 'pwd; echo "$BASE|$V"'],
      cwd: sub,
      env: { V: "it's $(id)" },
    });
    expect(stdout).toEqual([sub, "base|it's $(id)"]);
  });

  it('reports a missing command as exit code 127', async () => {
    const { result, stderr } = await run(executor, {
      argv: ['skip-no-such-command'],
    });
    expect(result).toEqual({ exitCode: 127 });
    expect(stderr.join('\n')).toContain('skip-no-such-command');
  });

  it('does not leave a command waiting for input', async () => {
    const { result } = await run(executor, { argv: ['cat'] });
    expect(result).toEqual({ exitCode: 0 });
  });

  it('reuses one connection and reconnects after it dropped', async () => {
    await run(executor, { argv: ['true'] });
    const first = await run(executor, { argv: ['sh', '-c', 'echo $PPID'] });
    const second = await run(executor, {
      argv: ['sh', '-c', 'echo $SSH_CLIENT'],
    });
    const third = await run(executor, {
      argv: ['sh', '-c', 'echo $SSH_CLIENT'],
    });
    expect(first.result.exitCode).toBe(0);
    // Same client port means the same TCP connection.
    expect(third.stdout).toEqual(second.stdout);
    await executor.close();
    const after = await run(executor, {
      argv: ['sh', '-c', 'echo $SSH_CLIENT'],
    });
    expect(after.result).toEqual({ exitCode: 0 });
    expect(after.stdout).not.toEqual(second.stdout);
  });

  it('ends the remote process on abort', async () => {
    // A grace period far longer than the kill takes even on a loaded machine, so SIGTERM alone ends it.
    const patient = connect({ cwd: work, graceMs: 15_000 });
    const controller = new AbortController();
    const done = patient.run({
      argv: ['sh', '-c', 'echo ready; sleep 30.201'],
      signal: controller.signal,
      onLine: l => {
        if (l.line === 'ready') controller.abort();
      },
    });
    const result = await done;
    expect(result).toEqual({ exitCode: 143, signal: 'SIGTERM' });
    expect(
      await waitUntil(() => runningWith('sleep 30.201').length === 0),
    ).toBe(true);
  });

  it('kills a remote command that ignores SIGTERM after the grace period, with what it started', async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    const started = Date.now();
    const result = await executor.run({
      argv: [
        'sh',
        '-c',
        'trap "" TERM; echo ready; sleep 30.202; echo survived',
      ],
      signal: controller.signal,
      onLine: l => {
        lines.push(l.line);
        if (l.line === 'ready') controller.abort();
      },
    });
    expect(result).toEqual({ exitCode: 137, signal: 'SIGKILL' });
    // Far below the 30 s the command would sleep: the grace period ended it, not the command.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(lines).toEqual(['ready']);
    expect(
      await waitUntil(() => runningWith('sleep 30.202').length === 0),
    ).toBe(true);
  });

  it('masks secrets the command prints, and the private key itself', async () => {
    const secretive = connect({ secrets: ['t0ps3cret'] });
    const keyFile = path.join(sshd.dir, 'client_key');
    const { stdout, stderr } = await run(secretive, {
      argv: ['sh', '-c', `echo "token=t0ps3cret" >&2; cat '${keyFile}'`],
    });
    expect(stderr).toEqual(['token=***']);
    expect(stdout.length).toBeGreaterThan(2);
    for (const line of stdout) expect(line).toBe('***');
  });

  it('writes files atomically and reads them back over SFTP', async () => {
    await executor.writeFile('cluster.yaml', 'name: one\n');
    await executor.writeFile('cluster.yaml', 'name: two\n');
    expect(await fs.readFile(path.join(work, 'cluster.yaml'), 'utf8')).toBe(
      'name: two\n',
    );
    expect(await executor.readFile('cluster.yaml')).toBe('name: two\n');
    expect(await executor.readFile(path.join(work, 'cluster.yaml'))).toBe(
      'name: two\n',
    );
    await fs.mkdir(path.join(work, 'sub'), { recursive: true });
    await executor.writeFile('x.txt', 'ünïcode', {
      cwd: path.join(work, 'sub'),
    });
    expect(await fs.readFile(path.join(work, 'sub', 'x.txt'), 'utf8')).toBe(
      'ünïcode',
    );
    expect((await fs.readdir(work)).filter(f => f.endsWith('.tmp'))).toEqual(
      [],
    );
  });

  it('fails to read a missing file with a message naming it', async () => {
    await expect(executor.readFile('nope.yaml')).rejects.toThrow(
      `ssh ${sshd.username}@127.0.0.1:${sshd.port}: cannot read ${work}/nope.yaml`,
    );
  });

  it('refuses a server whose host key differs from the configured one', async () => {
    const other = connect({ hostKeySha256: `SHA256:${'A'.repeat(43)}` });
    const marker = path.join(work, 'ran-on-wrong-host');
    await expect(run(other, { argv: ['touch', marker] })).rejects.toThrow(
      `SSH connection to ${sshd.username}@127.0.0.1:${
        sshd.port
      } failed: host key ${
        sshd.hostKeySha256
      } does not match the configured SHA256:${'A'.repeat(43)}`,
    );
    await expect(fs.stat(marker)).rejects.toThrow();
  });

  it('refuses a private key the server does not know, without showing it', async () => {
    const keyFile = path.join(sshd.dir, 'stranger_key');
    await promisify(execFile)('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-f',
      keyFile,
    ]);
    const privateKey = await fs.readFile(keyFile, 'utf8');
    const stranger = connect({ privateKey });
    const error: Error = await run(stranger, { argv: ['true'] }).then(
      () => {
        throw new Error('connected with an unknown key');
      },
      e => e,
    );
    expect(error.message).toBe(
      `SSH connection to ${sshd.username}@127.0.0.1:${sshd.port} failed: authentication as ${sshd.username} failed: the server did not accept the private key`,
    );
    for (const line of privateKey.split('\n').filter(l => l.length >= 8)) {
      expect(error.message).not.toContain(line);
    }
  });

  it('names host and port when nothing listens there', async () => {
    const closed = connect({ port: 1 });
    await expect(run(closed, { argv: ['true'] })).rejects.toThrow(
      /^SSH connection to .*@127\.0\.0\.1:1 failed: .*ECONNREFUSED/,
    );
  });

  it('refuses a malformed host key fingerprint when created', () => {
    expect(() => connect({ hostKeySha256: 'md5:aa:bb' })).toThrow(
      /Invalid host key fingerprint/,
    );
  });

  it('describes where it runs without secrets', () => {
    expect(executor.describe()).toBe(
      `ssh ${sshd.username}@127.0.0.1:${sshd.port}`,
    );
  });
});
