import { buildRemoteCommand } from './buildRemoteCommand';

describe('buildRemoteCommand', () => {
  it('single-quotes every word, including single quotes inside them', () => {
    expect(buildRemoteCommand({ argv: ['echo', "it's", '$(id)', ';ls'] })).toBe(
      `exec 'echo' 'it'\\''s' '$(id)' ';ls' </dev/null`,
    );
  });

  it('changes into a quoted working directory and sets quoted environment variables', () => {
    expect(
      buildRemoteCommand({
        argv: ['gkectl', 'version'],
        cwd: '/home/ops/my dir',
        env: { KUBECONFIG: "/tmp/a b'c" },
      }),
    ).toBe(
      `cd '/home/ops/my dir' && exec env 'KUBECONFIG=/tmp/a b'\\''c' 'gkectl' 'version' </dev/null`,
    );
  });

  it('announces the PID on stderr before anything else when asked', () => {
    expect(buildRemoteCommand({ argv: ['true'], pidMarker: 'm-1' })).toBe(
      `printf '%s %s\\n' 'm-1' "$$" >&2; exec 'true' </dev/null`,
    );
  });

  it('refuses an environment variable name a shell would interpret', () => {
    expect(() =>
      buildRemoteCommand({ argv: ['true'], env: { 'X;rm -rf /': '1' } }),
    ).toThrow(/Invalid environment variable name/);
  });

  it('refuses an empty command', () => {
    expect(() => buildRemoteCommand({ argv: [] })).toThrow(/empty command/);
  });
});
