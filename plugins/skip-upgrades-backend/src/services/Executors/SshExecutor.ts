import { createHash, randomBytes } from 'node:crypto';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import { Client } from 'ssh2';
import type { ClientChannel, SFTPWrapper } from 'ssh2';
import { buildRemoteCommand } from './buildRemoteCommand';
import { LineSplitter } from './LineSplitter';
import { redactSecrets } from './redactSecrets';
import type {
  CommandExecutor,
  CommandOutputLine,
  CommandRequest,
  CommandResult,
} from './types';

/** Options of {@link SshExecutor.create}. */
export type SshExecutorOptions = {
  host: string;
  /** Default 22. */
  port?: number;
  username: string;
  /** The client's private key, PEM or OpenSSH format. */
  privateKey: string;
  passphrase?: string;
  /**
   * The server's host key fingerprint as `ssh-keygen -lf` prints it (`SHA256:` prefix optional).
   * Connections to a server with any other key are refused.
   */
  hostKeySha256: string;
  /** Default working directory of commands and base of relative file paths (default: the login directory). */
  cwd?: string;
  /** Environment variables set for every command. */
  env?: Record<string, string>;
  /** Strings masked as `***` in every output line and error message (the key and passphrase always are). */
  secrets?: string[];
  /** How long connecting (TCP, key exchange, authentication) may take (default 10 s). */
  readyTimeoutMs?: number;
  /** How long an aborted command gets after SIGTERM before SIGKILL (default 10 s). */
  graceMs?: number;
};

const DEFAULT_GRACE_MS = 10_000;
// After SIGKILL the server reports the exit as soon as the kill lands; this bounds the wait if it
// never does. Generous, because the kill itself needs a new session on the workstation, which a
// busy machine can take seconds to open (a 2 s bound failed under load).
const CLOSE_AFTER_KILL_MS = 10_000;

/**
 * Runs commands on another machine over SSH (the site's admin workstation), over one
 * connection that is opened on first use and reopened when it dropped.
 *
 * Abort: the remote command first announces its PID on stderr (a marker line the executor
 * swallows), and abort runs `kill -s TERM -- -<pid>` over a second channel, then SIGKILL after
 * the grace period. Why not the alternatives: the SSH `signal` request is refused by OpenSSH for
 * root logins ("session signalling requires privilege separation") and by many other servers;
 * closing the channel does not stop a process without a pty (sshd keeps the channel until it
 * exits); and a pty would merge stderr into stdout and add echo and CRLF. The signal request is
 * still sent if abort comes before the PID is known.
 */
export class SshExecutor implements CommandExecutor {
  static create(options: SshExecutorOptions): SshExecutor {
    const fingerprint = options.hostKeySha256
      .trim()
      .replace(/^SHA256:/, '')
      .replace(/=+$/, '');
    if (!/^[A-Za-z0-9+/]{43}$/.test(fingerprint)) {
      throw new Error(
        `Invalid host key fingerprint for ${options.host}: expected SHA256:<43 base64 characters> as ssh-keygen -lf prints it`,
      );
    }
    return new SshExecutor(options, fingerprint);
  }

  private readonly port: number;
  private readonly secrets: string[];
  private readonly graceMs: number;
  private connection?: Promise<Client>;

  private constructor(
    private readonly options: SshExecutorOptions,
    private readonly fingerprint: string,
  ) {
    this.port = options.port ?? 22;
    this.graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    this.secrets = [
      ...(options.secrets ?? []),
      options.privateKey,
      ...(options.passphrase ? [options.passphrase] : []),
    ];
  }

  async run(request: CommandRequest): Promise<CommandResult> {
    const { signal } = request;
    const pidMarker = `skip-executor-pid-${randomBytes(8).toString('hex')}`;
    const command = buildRemoteCommand({
      argv: request.argv,
      cwd: request.cwd ?? this.options.cwd,
      env: { ...this.options.env, ...request.env },
      pidMarker,
    });
    if (signal?.aborted) {
      return { exitCode: 128 + osConstants.signals.SIGTERM, signal: 'SIGTERM' };
    }
    const client = await this.connect();
    const channel = await new Promise<ClientChannel>((resolve, reject) => {
      client.exec(command, (error, stream) =>
        error
          ? reject(this.error(`cannot start ${request.argv[0]}`, error))
          : resolve(stream),
      );
    });

    let pid: string | undefined;
    let wanted: 'TERM' | 'KILL' | undefined;
    const kill = (name: 'TERM' | 'KILL') => {
      wanted = name;
      if (pid === undefined) {
        // Not announced yet: try the signal request, and kill by PID once it is.
        try {
          channel.signal(name);
        } catch {
          // The channel closed meanwhile: the command has ended.
        }
        return;
      }
      // The session's process leads its own process group (sshd calls setsid), so this stops
      // what the command started too. Dash knows only this form of a negative PID.
      try {
        client.exec(
          `kill -s ${name} -- -${pid} 2>/dev/null || kill -s ${name} ${pid}`,
          (error, killer) => {
            if (!error) killer.resume().stderr.resume();
          },
        );
      } catch {
        // The connection is gone; the channel's close reports that.
      }
    };

    const emit = (stream: CommandOutputLine['stream'], line: string) =>
      request.onLine({ stream, line: redactSecrets(line, this.secrets) });
    const stdout = new LineSplitter(line => emit('stdout', line));
    const stderr = new LineSplitter(line => {
      if (pid === undefined && line.startsWith(`${pidMarker} `)) {
        const announced = line.slice(pidMarker.length + 1);
        if (/^[0-9]+$/.test(announced)) {
          pid = announced;
          if (wanted) kill(wanted);
          return;
        }
      }
      emit('stderr', line);
    });
    channel.on('data', (chunk: Buffer) => stdout.push(chunk));
    channel.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    let exit: { code?: number; signal?: string } | undefined;
    channel.on('exit', (code: number | null, exitSignal?: string) => {
      exit =
        code !== null && code !== undefined ? { code } : { signal: exitSignal };
    });

    const timers: NodeJS.Timeout[] = [];
    let onAbort = () => {};
    try {
      return await new Promise<CommandResult>((resolve, reject) => {
        onAbort = () => {
          kill('TERM');
          timers.push(
            setTimeout(() => {
              kill('KILL');
              timers.push(
                setTimeout(() => {
                  // sshd holds the channel open until the process is gone, so this is the last resort.
                  channel.close();
                  reject(
                    new Error(
                      `${this.describe()}: ${
                        request.argv[0]
                      } did not confirm that it stopped after SIGKILL`,
                    ),
                  );
                }, CLOSE_AFTER_KILL_MS),
              );
            }, this.graceMs),
          );
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        if (signal?.aborted) onAbort();

        channel.once('close', () => {
          stdout.end();
          stderr.end();
          if (exit?.code !== undefined) {
            resolve({ exitCode: exit.code });
          } else if (exit?.signal) {
            resolve({
              exitCode: 128 + signalNumber(exit.signal),
              signal: exit.signal,
            });
          } else {
            reject(
              new Error(
                `${this.describe()}: connection lost while ${
                  request.argv[0]
                } was running`,
              ),
            );
          }
        });
      });
    } finally {
      signal?.removeEventListener('abort', onAbort);
      for (const timer of timers) clearTimeout(timer);
    }
  }

  async readFile(file: string, options?: { cwd?: string }): Promise<string> {
    const remote = this.remotePath(file, options?.cwd);
    return this.withSftp(
      sftp =>
        new Promise<string>((resolve, reject) =>
          sftp.readFile(remote, { encoding: 'utf8' }, (error, data) =>
            error
              ? reject(this.error(`cannot read ${remote}`, error))
              : resolve(data.toString()),
          ),
        ),
    );
  }

  async writeFile(
    file: string,
    content: string,
    options?: { cwd?: string },
  ): Promise<void> {
    const target = this.remotePath(file, options?.cwd);
    const temp = path.posix.join(
      path.posix.dirname(target),
      `.${path.posix.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    await this.withSftp(async sftp => {
      const call = (fn: (cb: (error?: Error | null) => void) => void) =>
        new Promise<void>((resolve, reject) =>
          fn(error => (error ? reject(error) : resolve())),
        );
      try {
        await call(cb =>
          sftp.writeFile(temp, content, { encoding: 'utf8' }, cb),
        );
        await this.replace(sftp, temp, target, call);
      } catch (error) {
        await call(cb => sftp.unlink(temp, cb)).catch(() => undefined);
        throw this.error(`cannot write ${target}`, error);
      }
    });
  }

  describe(): string {
    const host = this.options.host.includes(':')
      ? `[${this.options.host}]`
      : this.options.host;
    return `ssh ${this.options.username}@${host}:${this.port}`;
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    const client = await connection?.catch(() => undefined);
    if (!client) return;
    await new Promise<void>(resolve => {
      client.once('close', () => resolve());
      client.end();
    });
  }

  private connect(): Promise<Client> {
    if (!this.connection) {
      const attempt: Promise<Client> = this.open(() => {
        if (this.connection === attempt) this.connection = undefined;
      });
      this.connection = attempt;
      attempt.catch(() => undefined);
    }
    return this.connection;
  }

  private open(onClosed: () => void): Promise<Client> {
    return new Promise<Client>((resolve, reject) => {
      const client = new Client();
      let ready = false;
      let presented: string | undefined;
      client.on('ready', () => {
        ready = true;
        resolve(client);
      });
      client.on('error', (error: Error & { level?: string }) => {
        // After 'ready' an error is followed by 'close', which fails the running commands.
        if (!ready) reject(this.connectError(error, presented));
      });
      client.on('close', () => {
        onClosed();
        if (!ready)
          reject(this.connectError(new Error('connection closed'), presented));
      });
      try {
        client.connect({
          host: this.options.host,
          port: this.port,
          username: this.options.username,
          privateKey: this.options.privateKey,
          passphrase: this.options.passphrase,
          readyTimeout: this.options.readyTimeoutMs ?? 10_000,
          // Upgrades run for hours; keepalives notice a dead workstation or NAT instead of hanging.
          keepaliveInterval: 15_000,
          keepaliveCountMax: 4,
          hostVerifier: (key: Buffer) => {
            presented = createHash('sha256')
              .update(key)
              .digest('base64')
              .replace(/=+$/, '');
            return presented === this.fingerprint;
          },
        });
      } catch (error) {
        // ssh2 throws at once for a key it cannot parse (or a missing passphrase).
        reject(this.connectError(error, presented));
      }
    });
  }

  private connectError(error: unknown, presented: string | undefined): Error {
    const message = error instanceof Error ? error.message : String(error);
    let reason = message;
    if (presented !== undefined && presented !== this.fingerprint) {
      reason = `host key SHA256:${presented} does not match the configured SHA256:${this.fingerprint}`;
    } else if (message === 'All configured authentication methods failed') {
      reason = `authentication as ${this.options.username} failed: the server did not accept the private key`;
    } else if (message.startsWith('Cannot parse privateKey')) {
      reason = `the configured private key cannot be used (${message.replace(
        /^Cannot parse privateKey: /,
        '',
      )})`;
    }
    return new Error(
      redactSecrets(
        `SSH connection to ${this.describe().slice(4)} failed: ${reason}`,
        this.secrets,
      ),
    );
  }

  private error(what: string, error: unknown): Error {
    const message = error instanceof Error ? error.message : String(error);
    return new Error(
      redactSecrets(`${this.describe()}: ${what}: ${message}`, this.secrets),
    );
  }

  private async withSftp<T>(
    use: (sftp: SFTPWrapper) => Promise<T>,
  ): Promise<T> {
    const client = await this.connect();
    const sftp = await new Promise<SFTPWrapper>((resolve, reject) =>
      client.sftp((error, session) =>
        error
          ? reject(this.error('cannot start SFTP', error))
          : resolve(session),
      ),
    );
    try {
      return await use(sftp);
    } finally {
      sftp.end();
    }
  }

  private async replace(
    sftp: SFTPWrapper,
    temp: string,
    target: string,
    call: (fn: (cb: (error?: Error | null) => void) => void) => Promise<void>,
  ): Promise<void> {
    try {
      // posix-rename replaces the target in one step; plain SFTP rename refuses an existing one.
      await call(cb => sftp.ext_openssh_rename(temp, target, cb));
      return;
    } catch (error) {
      if (!(error instanceof Error) || !/does not support/.test(error.message))
        throw error;
    }
    // Not atomic, but the only way on a server without the extension.
    await call(cb => sftp.unlink(target, cb)).catch(() => undefined);
    await call(cb => sftp.rename(temp, target, cb));
  }

  private remotePath(file: string, cwd?: string): string {
    const base = cwd ?? this.options.cwd;
    // A relative base is relative to the login directory, where SFTP and commands start.
    return path.posix.isAbsolute(file) || !base
      ? file
      : path.posix.join(base, file);
  }
}

function signalNumber(name: string): number {
  return (osConstants.signals as Record<string, number | undefined>)[name] ?? 0;
}
