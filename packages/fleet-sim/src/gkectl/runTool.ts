import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import type { GkectlRunPlan, GkectlRunProgress, GkectlRunRequest } from './GkectlService';

/** How the stand-in process talks to the simulator. */
export type GkectlControl = {
  start(req: GkectlRunRequest): Promise<GkectlRunPlan>;
  finish(id: string, exitCode: number): Promise<string[]>;
  /** A followed run's progress (upgrades move on the simulator's side). */
  progress(id: string): Promise<GkectlRunProgress>;
};

/** How often a followed run asks for progress. */
const POLL_MS = 100;

/** Where the process writes and how it waits (tests pass their own). */
export type ToolIo = {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(line: string): void;
  stderr(line: string): void;
  sleep(ms: number): Promise<void>;
  /** Registers what to do on SIGINT/SIGTERM; returns the unregister function. */
  onSignal?(handler: (exitCode: number) => void): () => void;
};

const VALUED_FLAGS = new Set(['kubeconfig', 'config', 'bundle-path', 'cluster-name', 'target-version', 'info-file', 'log_file', 'v', 'output', 'o', 'location', 'version', 'project']);
/** The tools the simulator stands in for; gcloud only for the GKE On-Prem API's upgrade of an enrolled user cluster. */
export type SimTool = 'gkectl' | 'gkeadm' | 'gcloud';

const COMMANDS: Record<SimTool, string[]> = {
  gkectl: ['version', 'check-config', 'prepare', 'upgrade admin', 'upgrade cluster', 'diagnose cluster'],
  gkeadm: ['upgrade gkeadm', 'upgrade admin-workstation'],
  gcloud: ['container vmware clusters upgrade'],
};

/** Splits argv into the command words and --flags (`--x v`, `--x=v`, `-v5`, boolean `--fast`). */
export function parseArgs(argv: string[]): { words: string[]; flags: Record<string, string | boolean> } {
  const words: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const verbosity = /^-v(\d+)$/.exec(arg);
    if (verbosity) flags.v = verbosity[1];
    else if (arg.startsWith('-')) {
      const [name, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2);
      if (inline !== undefined) flags[name] = inline;
      else if (VALUED_FLAGS.has(name) && i + 1 < argv.length) flags[name] = argv[++i];
      else flags[name] = true;
    } else words.push(arg);
  }
  return { words, flags };
}

function currentCluster(kubeconfigPath: string): string {
  const kc = parse(readFileSync(kubeconfigPath, 'utf8')) as { 'current-context'?: string; contexts?: { name: string; context: { cluster: string } }[] };
  const name = kc['current-context'] ?? (kc.contexts?.length === 1 ? kc.contexts[0].name : undefined);
  const context = kc.contexts?.find(c => c.name === name);
  if (!context) throw new Error(`kubeconfig ${kubeconfigPath} has no current context`);
  return context.context.cluster;
}

/** Builds the run request: parses flags and reads the files the real tool reads. */
export function buildRequest(tool: SimTool, argv: string[], io: Pick<ToolIo, 'cwd' | 'env'>): GkectlRunRequest {
  const { words, flags } = parseArgs(argv);
  // The longest known command the words start with ('upgrade cluster', 'container vmware clusters upgrade').
  const command =
    COMMANDS[tool]
      .filter(c => words.slice(0, c.split(' ').length).join(' ') === c)
      .sort((a, b) => b.length - a.length)[0] ?? words[0] ?? '';
  const args = words.slice(command.split(' ').length);
  const req: GkectlRunRequest = { tool, command, argv, cwd: io.cwd, flags, args };
  try {
    if (!COMMANDS[tool].includes(command)) throw new Error(`unknown command "${words.join(' ')}" for "${tool}"`);
    if (typeof flags.kubeconfig === 'string') req.kubeconfigCluster = currentCluster(resolve(io.cwd, flags.kubeconfig));
    if (typeof flags.config === 'string') {
      const parsed = parse(readFileSync(resolve(io.cwd, flags.config), 'utf8'));
      if (tool === 'gkectl') req.config = parsed as Record<string, unknown>;
      else req.workstation = (parsed as { adminWorkstation?: { name?: string } })?.adminWorkstation?.name;
    }
    if (typeof flags['info-file'] === 'string') {
      req.workstation = readFileSync(resolve(io.cwd, flags['info-file']), 'utf8').split('\n').find(l => l.trim())?.trim() ?? req.workstation;
    }
    if (io.env.FLEET_SIM_WORKSTATION && !req.workstation) req.workstation = io.env.FLEET_SIM_WORKSTATION;
  } catch (e) {
    req.error = (e as Error).message.replace(/^ENOENT: no such file or directory, open /, 'failed to read file ');
  }
  return req;
}

/** Runs gkectl or gkeadm against the simulator; resolves to the exit code. */
export async function runTool(tool: SimTool, argv: string[], io: ToolIo, control: GkectlControl): Promise<number> {
  const plan = await control.start(buildRequest(tool, argv, io));
  for (const line of plan.lines) io.stdout(line);
  let interrupted: number | undefined;
  const unregister = io.onSignal?.(code => {
    interrupted = code;
  });
  let outcome: { exitCode: number; error?: string } = plan;
  if (plan.follow) {
    let printed = 0;
    for (;;) {
      const progress = await control.progress(plan.id);
      for (const line of progress.lines.slice(printed)) io.stdout(line);
      printed = progress.lines.length;
      if (progress.done) {
        outcome = { exitCode: progress.exitCode ?? 1, error: progress.error };
        break;
      }
      if (interrupted !== undefined) break;
      await io.sleep(POLL_MS);
    }
  } else {
    const steps = Math.max(plan.progress.length, 1);
    for (const line of plan.progress.length ? plan.progress : ['']) {
      if (interrupted !== undefined) break;
      if (line) io.stdout(line);
      await io.sleep(plan.durationMs / steps);
    }
  }
  unregister?.();
  const exitCode = interrupted ?? outcome.exitCode;
  const closing = await control.finish(plan.id, exitCode);
  for (const line of closing) io.stdout(line);
  if (exitCode !== 0) {
    io.stderr('Exit with error:');
    io.stderr(interrupted !== undefined ? 'interrupted' : outcome.error ?? `exit code ${exitCode}`);
  }
  return exitCode;
}

/** The control client over HTTP (FLEET_SIM_CONTROL_URL). */
export function httpControl(baseUrl: string): GkectlControl {
  const call = async (method: string, path: string, body: unknown) => {
    const res = await fetch(new URL(path, baseUrl), { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`fleet simulator answered ${res.status} on ${path}: ${await res.text()}`);
    return res.json();
  };
  return {
    start: async req => (await call('POST', '/gkectl/invocations', req)) as GkectlRunPlan,
    finish: async (id, exitCode) => ((await call('POST', `/gkectl/invocations/${id}/finish`, { exitCode })) as { lines: string[] }).lines,
    progress: async id => {
      const res = await fetch(new URL(`/gkectl/invocations/${id}/progress`, baseUrl));
      if (!res.ok) throw new Error(`fleet simulator answered ${res.status} on progress of ${id}: ${await res.text()}`);
      return (await res.json()) as GkectlRunProgress;
    },
  };
}
