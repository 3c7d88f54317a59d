import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalProcessExecutor } from './LocalProcessExecutor';
import type { CommandOutputLine, CommandRequest } from './types';

async function run(
  executor: LocalProcessExecutor,
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

describe('LocalProcessExecutor', () => {
  let dir: string;
  let executor: LocalProcessExecutor;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'skip-local-exec-'));
    executor = LocalProcessExecutor.create({ cwd: dir, graceMs: 500 });
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('passes arguments literally, without any shell interpretation', async () => {
    const args = ['a b', '$(id)', "x'y", ';ls', '`id`', '*', '"q"', ''];
    const { result, stdout } = await run(executor, {
      argv: ['printf', '%s\\n', ...args],
    });
    expect(result).toEqual({ exitCode: 0 });
    expect(stdout).toEqual(args);
  });

  it('reports the exit code and keeps stdout and stderr apart', async () => {
    const { result, lines } = await run(executor, {
      argv: ['sh', '-c', 'echo out; echo err >&2; exit 3'],
    });
    expect(result).toEqual({ exitCode: 3 });
    expect(lines).toEqual(
      expect.arrayContaining([
        { stream: 'stdout', line: 'out' },
        { stream: 'stderr', line: 'err' },
      ]),
    );
    expect(lines).toHaveLength(2);
  });

  it('joins a line printed in pieces and flushes a last line without a newline', async () => {
    const script =
      "process.stdout.write('par'); setTimeout(() => process.stdout.write('tial\\nlast'), 100)";
    const { stdout } = await run(executor, {
      argv: [process.execPath, '-e', script],
    });
    expect(stdout).toEqual(['partial', 'last']);
  });

  it('runs in the working directory with the given environment and PATH entries', async () => {
    const bin = path.join(dir, 'bin');
    await fs.mkdir(bin);
    await fs.writeFile(
      path.join(bin, 'skip-hello'),
      '#!/bin/sh\necho "hello $GREETING"\n',
      {
        mode: 0o755,
      },
    );
    await fs.mkdir(path.join(dir, 'work'));
    const withPath = LocalProcessExecutor.create({
      cwd: dir,
      path: [bin],
      env: { GREETING: 'base' },
    });
    expect((await run(withPath, { argv: ['skip-hello'] })).stdout).toEqual([
      'hello base',
    ]);
    expect(
      (
        await run(withPath, {
          argv: ['skip-hello'],
          env: { GREETING: 'override' },
        })
      ).stdout,
    ).toEqual(['hello override']);
    expect(
      (await run(withPath, { argv: ['pwd'], cwd: 'work' })).stdout,
    ).toEqual([await fs.realpath(path.join(dir, 'work'))]);
  });

  it('reports a command that does not exist as exit code 127, not as an exception', async () => {
    const { result, stderr } = await run(executor, {
      argv: ['skip-no-such-command', 'x'],
    });
    expect(result).toEqual({ exitCode: 127 });
    expect(stderr).toEqual(['skip-no-such-command: command not found']);
  });

  it('reports a missing working directory as such', async () => {
    const { result, stderr } = await run(executor, {
      argv: ['true'],
      cwd: 'missing',
    });
    expect(result).toEqual({ exitCode: 1 });
    expect(stderr).toEqual([
      `cd: ${path.join(dir, 'missing')}: No such file or directory`,
    ]);
  });

  it('stops an aborted command with SIGTERM', async () => {
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 200);
    const { result } = await run(executor, {
      argv: ['sleep', '30.101'],
      signal: controller.signal,
    });
    expect(result).toEqual({ exitCode: 143, signal: 'SIGTERM' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(runningWith('sleep 30.101')).toEqual([]);
  });

  it('kills a command that ignores SIGTERM after the grace period, with what it started', async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    const done = executor.run({
      argv: [
        'sh',
        '-c',
        'trap "" TERM; echo ready; sleep 30.102; echo survived',
      ],
      signal: controller.signal,
      onLine: l => {
        lines.push(l.line);
        if (l.line === 'ready') controller.abort();
      },
    });
    const result = await done;
    expect(result).toEqual({ exitCode: 137, signal: 'SIGKILL' });
    expect(lines).toEqual(['ready']);
    expect(runningWith('sleep 30.102')).toEqual([]);
  });

  it('does not start a command whose signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { result } = await run(executor, {
      argv: ['touch', path.join(dir, 'started')],
      signal: controller.signal,
    });
    expect(result.signal).toBe('SIGTERM');
    await expect(fs.stat(path.join(dir, 'started'))).rejects.toThrow();
  });

  it('masks secrets the command prints', async () => {
    const secretive = LocalProcessExecutor.create({
      cwd: dir,
      secrets: ['t0ps3cret'],
    });
    const { stdout, stderr } = await run(secretive, {
      argv: ['sh', '-c', 'echo "token=t0ps3cret"; echo t0ps3cret >&2'],
    });
    expect(stdout).toEqual(['token=***']);
    expect(stderr).toEqual(['***']);
  });

  it('writes files atomically and reads them back, relative to the working directory', async () => {
    await fs.mkdir(path.join(dir, 'sub'));
    await executor.writeFile('user-cluster.yaml', 'name: one\n');
    await executor.writeFile('user-cluster.yaml', 'name: two\n');
    await executor.writeFile('x.txt', 'in sub', { cwd: 'sub' });
    expect(await fs.readFile(path.join(dir, 'user-cluster.yaml'), 'utf8')).toBe(
      'name: two\n',
    );
    expect(await executor.readFile('user-cluster.yaml')).toBe('name: two\n');
    expect(await executor.readFile(path.join(dir, 'sub', 'x.txt'))).toBe(
      'in sub',
    );
    expect(await executor.readFile('x.txt', { cwd: 'sub' })).toBe('in sub');
    expect((await fs.readdir(dir)).sort()).toEqual([
      'sub',
      'user-cluster.yaml',
    ]);
  });

  it('fails to read a missing file', async () => {
    await expect(executor.readFile('nope.yaml')).rejects.toThrow(/ENOENT/);
  });

  it('describes itself as local', () => {
    expect(executor.describe()).toBe('local');
  });
});
