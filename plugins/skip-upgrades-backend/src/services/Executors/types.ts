/** One line a command printed, secrets already masked. */
export type CommandOutputLine = { stream: 'stdout' | 'stderr'; line: string };

/** What to run: an argument array, never a shell string. */
export type CommandRequest = {
  argv: string[];
  /** Working directory on the machine that runs it. */
  cwd?: string;
  /** Extra environment variables for the command. */
  env?: Record<string, string>;
  /** Aborting stops the command (SIGTERM, then SIGKILL after a grace period). */
  signal?: AbortSignal;
  /** Called for every complete line, in order, as it is printed. */
  onLine(line: CommandOutputLine): void;
};

/** How a command ended. `signal` is set when it was stopped by one (exitCode is then 128 + n). */
export type CommandResult = { exitCode: number; signal?: string };

/**
 * Where upgrade commands run: this host (a local process) or the site's admin workstation
 * (SSH), behind one interface so the engine never knows which.
 */
export interface CommandExecutor {
  run(request: CommandRequest): Promise<CommandResult>;
  /** Reads a text file on the machine that runs the commands (a relative path is under the working directory). */
  readFile(path: string, options?: { cwd?: string }): Promise<string>;
  /** Writes a text file there, replacing it atomically where the transport allows. */
  writeFile(
    path: string,
    content: string,
    options?: { cwd?: string },
  ): Promise<void>;
  /** Where commands run, for logs and answers: no secrets ("ssh ops@10.0.0.5:22", "local"). */
  describe(): string;
  /** Releases connections (SSH). */
  close(): Promise<void>;
}
