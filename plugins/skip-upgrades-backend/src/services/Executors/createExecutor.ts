import type { UpgradeSite } from '../../config/upgradesConfig';
import { LocalProcessExecutor } from './LocalProcessExecutor';
import { SshExecutor } from './SshExecutor';
import type { CommandExecutor } from './types';

/** Values of the configured environment long enough to be secrets; masked like the key. */
function envSecrets(env: Record<string, string>): string[] {
  return Object.values(env).filter(value => value.length >= 8);
}

/** The executor a site's config asks for; its secrets are masked in everything it prints. */
export function createExecutor(site: UpgradeSite): CommandExecutor {
  const executor = site.executor;
  if (executor.type === 'ssh') {
    return SshExecutor.create({
      host: executor.host,
      port: executor.port,
      username: executor.username,
      privateKey: executor.privateKey,
      passphrase: executor.passphrase,
      hostKeySha256: executor.hostKeySha256,
      cwd: site.workDir,
      env: executor.env,
      secrets: envSecrets(executor.env),
    });
  }
  return LocalProcessExecutor.create({
    cwd: site.workDir,
    env: executor.env,
    path: executor.path,
    secrets: envSecrets(executor.env),
  });
}
