import type { ControlHandler } from '../scenario/WorldSim';
import { GkectlBehaviour, GkectlRunRequest, GkectlService } from './GkectlService';

/**
 * The control routes gkectl/gkeadm and tests use: the stand-in processes start and finish runs
 * here; tests read invocations and workstations and configure durations and failures.
 */
export function registerGkectlRoutes(route: (method: string, path: string, handler: ControlHandler) => void, service: GkectlService): void {
  route('GET', '/gkectl/invocations', async () => ({ body: { invocations: service.listInvocations() } }));
  route('POST', '/gkectl/invocations', async req => {
    const body = req.body as GkectlRunRequest | undefined;
    if (!body || !Array.isArray(body.argv) || typeof body.command !== 'string') return { status: 400, body: { message: 'argv and command are required' } };
    return { status: 201, body: service.start({ ...body, flags: body.flags ?? {} }) };
  });
  route('POST', '/gkectl/invocations/:id/finish', async req => {
    const exitCode = Number((req.body as { exitCode?: unknown } | undefined)?.exitCode ?? 1);
    return { body: { lines: service.finish(req.params.id, exitCode) } };
  });
  route('GET', '/gkectl/invocations/:id/progress', async req => {
    const progress = service.progress(req.params.id);
    return progress ? { body: progress } : { status: 404, body: { message: `no upgrade is followed as invocation ${req.params.id}` } };
  });
  route('GET', '/gkectl/behaviour', async () => ({ body: service.getBehaviour() }));
  route('PUT', '/gkectl/behaviour', async req => {
    const body = (req.body ?? {}) as Partial<GkectlBehaviour>;
    for (const [key, value] of Object.entries(body.upgradeTiming ?? {})) {
      if (typeof value !== 'number' || value < 0) return { status: 400, body: { message: `upgradeTiming.${key} must be a number of milliseconds` } };
    }
    if (body.failures !== undefined && !Array.isArray(body.failures)) return { status: 400, body: { message: 'failures must be an array' } };
    for (const f of body.failures ?? []) {
      if (typeof f.command !== 'string' || typeof f.exitCode !== 'number' || typeof f.message !== 'string') {
        return { status: 400, body: { message: 'each failure needs command, exitCode and message' } };
      }
      if (f.step !== undefined && !['preflight', 'control-plane', 'node'].includes(f.step)) {
        return { status: 400, body: { message: 'failure step must be preflight, control-plane or node' } };
      }
    }
    return { body: service.setBehaviour(body) };
  });
  route('GET', '/gkectl/workstations', async () => ({ body: { workstations: [...service.workstations.values()] } }));
}
