import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { ArgoAppRef } from '@internal/plugin-skip-common';
import { runWithDeadline } from '@internal/plugin-skip-node';
import type { ManagedResource } from './toResourceDiff';

/** An Argo CD instance's REST API, as `skip.argocd.instances[].api` configures it. */
export type ArgoCdApiConnection = { url: string; token: string };

/** As long as a cluster call may take (ClusterCalls' deadline): the person is waiting. */
const TIMEOUT_MS = 8_000;

/**
 * Reads from an Argo CD instance's REST API with the instance's token. The token and the
 * API's answers to a refused request go to the log only, never into an error a person sees.
 */
export class ArgoCdApiClient {
  private constructor(private readonly logger: LoggerService) {}

  static create(options: { logger: LoggerService }): ArgoCdApiClient {
    return new ArgoCdApiClient(options.logger);
  }

  /** `GET /api/v1/applications/{name}/managed-resources?appNamespace=`: each resource, desired and live. */
  async managedResources(
    api: ArgoCdApiConnection,
    ref: ArgoAppRef,
    signal?: AbortSignal,
  ): Promise<ManagedResource[]> {
    const url = `${api.url.replace(
      /\/+$/,
      '',
    )}/api/v1/applications/${encodeURIComponent(
      ref.name,
    )}/managed-resources?appNamespace=${encodeURIComponent(ref.namespace)}`;
    const unavailable = (why: string) =>
      new ServiceUnavailableError(
        `The Argo CD API of instance '${ref.instance}' ${why}`,
      );
    let res: { status: number; text: string };
    try {
      // The deadline covers the body too: managed resources of a big app are megabytes.
      res = await runWithDeadline(
        async deadline => {
          const answer = await fetch(url, {
            headers: {
              Authorization: `Bearer ${api.token}`,
              Accept: 'application/json',
            },
            // A redirect (an SSO page, say) would carry the token elsewhere.
            redirect: 'error',
            signal: deadline,
          });
          return { status: answer.status, text: await readCapped(answer) };
        },
        {
          timeoutMs: TIMEOUT_MS,
          signal,
          onDeadline: () =>
            unavailable(`did not answer within ${TIMEOUT_MS / 1000} s`),
        },
      );
    } catch (error) {
      if (error instanceof ServiceUnavailableError) throw error;
      this.logger.warn(
        `Argo CD API of instance '${ref.instance}' could not be reached: ${error}`,
      );
      throw unavailable('could not be reached');
    }
    if (res.status === 404) {
      throw new NotFoundError(
        `No Argo CD app '${ref.name}' in instance '${ref.instance}'`,
      );
    }
    if (res.status < 200 || res.status >= 300) {
      this.logger.warn(
        `Argo CD API of instance '${ref.instance}' answered ${res.status} for ${
          ref.name
        }: ${res.text.slice(0, 500)}`,
      );
      throw unavailable(
        res.status === 401 || res.status === 403
          ? `refused the portal's token for app '${ref.name}'`
          : `failed (HTTP ${res.status})`,
      );
    }
    try {
      const body = JSON.parse(res.text) as { items?: ManagedResource[] };
      return body.items ?? [];
    } catch {
      this.logger.warn(
        `Argo CD API of instance '${
          ref.instance
        }' answered something that is not JSON: ${res.text.slice(0, 200)}`,
      );
      throw unavailable('answered something that is not JSON');
    }
  }
}

/** More than any app's managed resources should be: an answer past it is refused, not buffered. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

async function readCapped(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new Error(`answer larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
