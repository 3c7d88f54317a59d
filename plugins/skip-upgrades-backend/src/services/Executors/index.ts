export type {
  CommandExecutor,
  CommandOutputLine,
  CommandRequest,
  CommandResult,
} from './types';
export { LocalProcessExecutor } from './LocalProcessExecutor';
export type { LocalProcessExecutorOptions } from './LocalProcessExecutor';
export { SshExecutor } from './SshExecutor';
export type { SshExecutorOptions } from './SshExecutor';
export { redactSecrets } from './redactSecrets';
