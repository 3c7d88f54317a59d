const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Quotes one word for a POSIX shell: inside single quotes nothing is special except `'` itself. */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line an SSH server hands to the remote user's shell for an argv: every word
 * single-quoted, so nothing in it is expanded, split or run. Assumes a POSIX shell (sh, bash,
 * dash, zsh, ksh) as the login shell; csh and fish quote differently.
 */
export function buildRemoteCommand(request: {
  argv: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** When set, the command first prints `<pidMarker> <pid>` on stderr: the PID (and process group) it runs as. */
  pidMarker?: string;
}): string {
  const { argv, cwd, env = {}, pidMarker } = request;
  if (argv.length === 0 || !argv[0]) {
    throw new Error('Cannot run an empty command');
  }
  const assignments = Object.entries(env).map(([name, value]) => {
    if (!ENV_NAME.test(name)) {
      throw new Error(
        `Invalid environment variable name: ${JSON.stringify(name)}`,
      );
    }
    return quote(`${name}=${value}`);
  });
  // `env` would read a first word containing `=` as one more assignment.
  if (assignments.length > 0 && argv[0].includes('=')) {
    throw new Error(
      `Cannot run ${JSON.stringify(
        argv[0],
      )} with environment variables: its name contains "="`,
    );
  }
  // `exec` makes the command the session's process itself, so its exit status or signal is
  // what the server reports and a signal request reaches it without a shell in between.
  const words = [
    'exec',
    ...(assignments.length > 0 ? ['env', ...assignments] : []),
    ...argv.map(quote),
  ];
  const announce =
    pidMarker !== undefined
      ? `printf '%s %s\\n' ${quote(pidMarker)} "$$" >&2; `
      : '';
  const prefix = cwd !== undefined && cwd !== '' ? `cd ${quote(cwd)} && ` : '';
  // Stdin from /dev/null, as for a local command: a command that reads it must not wait forever.
  // (EOF on the channel instead would stop ssh2 from sending signal requests on it.)
  return `${announce}${prefix}${words.join(' ')} </dev/null`;
}
