import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as osConstants } from 'node:os';
import fs from 'node:fs/promises';
import path from 'node:path';
import { LineSplitter } from './LineSplitter';
import { redactSecrets } from './redactSecrets';
import type {
  CommandExecutor,
  CommandOutputLine,
  CommandRequest,
  CommandResult,
} from './types';

/** Options of {@link LocalProcessExecutor.create}. */
export type LocalProcessExecutorOptions = {
  /** Default working directory of commands and base of relative file paths (default: process.cwd()). */
  cwd?: string;
  /** Environment for every command, on top of PATH, HOME, USER, LANG and the like (nothing else of the backend's). */
  env?: Record<string, string>;
  /** Directories put in front of PATH (e.g. where a pinned gkectl lives). */
  path?: string[];
  /** Strings masked as `***` in every output line and error message. */
  secrets?: string[];
  /** How long an aborted command gets after SIGTERM before SIGKILL (default 10 s). */
  graceMs?: number;
};

const DEFAULT_GRACE_MS = 10_000;

/**
 * What a command gets of the backend's own environment: enough to find programs and its
 * home, never the backend's secrets (database passwords, tokens) that live in it too.
 */
const INHERITED = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LC_ALL',
  'TZ',
  'TMPDIR',
  'SHELL',
];

/** Runs commands as child processes of this backend, without a shell. */
export class LocalProcessExecutor implements CommandExecutor {
  static create(
    options: LocalProcessExecutorOptions = {},
  ): LocalProcessExecutor {
    const inherited = Object.fromEntries(
      INHERITED.filter(name => process.env[name] !== undefined).map(name => [
        name,
        process.env[name],
      ]),
    );
    const env: NodeJS.ProcessEnv = { ...inherited, ...options.env };
    if (options.path?.length) {
      env.PATH = [...options.path, env.PATH]
        .filter(entry => entry)
        .join(path.delimiter);
    }
    return new LocalProcessExecutor(
      path.resolve(options.cwd ?? process.cwd()),
      env,
      options.secrets ?? [],
      options.graceMs ?? DEFAULT_GRACE_MS,
    );
  }

  private constructor(
    private readonly cwd: string,
    private readonly baseEnv: NodeJS.ProcessEnv,
    private readonly secrets: string[],
    private readonly graceMs: number,
  ) {}

  async run(request: CommandRequest): Promise<CommandResult> {
    const { argv, signal } = request;
    if (argv.length === 0 || !argv[0]) {
      throw new Error('Cannot run an empty command');
    }
    const cwd = this.resolve(request.cwd);
    const emit = (stream: CommandOutputLine['stream'], line: string) =>
      request.onLine({ stream, line: redactSecrets(line, this.secrets) });

    // Starting a command the caller has already given up on could begin an upgrade step.
    if (signal?.aborted) {
      return { exitCode: 128 + osConstants.signals.SIGTERM, signal: 'SIGTERM' };
    }

    const child = spawn(argv[0], argv.slice(1), {
      shell: false,
      cwd,
      env: { ...this.baseEnv, ...request.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so an abort also stops what the command started (gkectl runs helpers).
      detached: true,
    });

    const stdout = new LineSplitter(line => emit('stdout', line));
    const stderr = new LineSplitter(line => emit('stderr', line));
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    let killTimer: NodeJS.Timeout | undefined;
    const kill = (sig: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, sig);
      } catch {
        // The group is gone already (or never formed): try the process itself.
        child.kill(sig);
      }
    };
    const onAbort = () => {
      kill('SIGTERM');
      killTimer = setTimeout(() => kill('SIGKILL'), this.graceMs);
      killTimer.unref();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    try {
      return await new Promise<CommandResult>(resolve => {
        child.once('error', (error: NodeJS.ErrnoException) => {
          // A start failure is a failed step for the engine, not an exception (the way a shell reports it).
          if (child.pid !== undefined) return;
          void this.startFailure(argv[0], cwd, error).then(
            ({ exitCode, message }) => {
              emit('stderr', message);
              resolve({ exitCode });
            },
          );
        });
        child.once('close', (code, sig) => {
          // After a start failure Node still closes the pipes; the 'error' handler answers then.
          if (child.pid === undefined) return;
          stdout.end();
          stderr.end();
          if (sig) {
            resolve({
              exitCode: 128 + (osConstants.signals[sig] ?? 0),
              signal: sig,
            });
          } else if (code !== null) {
            resolve({ exitCode: code });
          }
        });
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
    }
  }

  async readFile(file: string, options?: { cwd?: string }): Promise<string> {
    return fs.readFile(this.resolve(options?.cwd, file), 'utf8');
  }

  async writeFile(
    file: string,
    content: string,
    options?: { cwd?: string },
  ): Promise<void> {
    const target = this.resolve(options?.cwd, file);
    // Same directory, so the rename stays on one file system and readers never see half a file.
    const temp = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      await fs.writeFile(temp, content, 'utf8');
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  describe(): string {
    return 'local';
  }

  async close(): Promise<void> {}

  private resolve(cwd?: string, file = '.'): string {
    return path.resolve(this.cwd, cwd ?? '.', file);
  }

  // Node reports a missing cwd as ENOENT of the command, so look which one it was.
  private async startFailure(
    command: string,
    cwd: string,
    error: NodeJS.ErrnoException,
  ): Promise<{ exitCode: number; message: string }> {
    if (error.code === 'ENOENT') {
      const cwdExists = await fs.stat(cwd).then(
        s => s.isDirectory(),
        () => false,
      );
      return cwdExists
        ? { exitCode: 127, message: `${command}: command not found` }
        : { exitCode: 1, message: `cd: ${cwd}: No such file or directory` };
    }
    if (error.code === 'EACCES') {
      return { exitCode: 126, message: `${command}: Permission denied` };
    }
    return {
      exitCode: 126,
      message: `${command}: cannot start: ${error.message}`,
    };
  }
}
