import { ResponseError } from '@backstage/errors';
import createClient, { type Middleware } from 'openapi-fetch';

/** What a SKIP API client needs of Backstage, in the shape both the frontend's and the backend's services have. */
export type SkipApiClientOptions = {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
};

const BODYLESS = new Set(['GET', 'HEAD']);

/** Every answer that is not 2xx becomes the Backstage error the backend sent. */
const throwOnError: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return undefined;
  },
};

/**
 * An openapi-fetch client typed by a SKIP plugin's generated `paths`, sending through
 * Backstage's fetchApi and throwing the backend's error for any answer that is not 2xx.
 */
export function createSkipApiClient<Paths extends {}>(
  options: SkipApiClientOptions,
) {
  const client = createClient<Paths>({
    // Backstage's fetch middlewares build a new Request from the one they are given, once
    // each; a Request whose body stream was moved on cannot be copied again, so every POST
    // failed in the browser. Handing over the URL and a plain init (body as text) avoids it.
    fetch: async request =>
      options.fetchApi.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: BODYLESS.has(request.method) ? undefined : await request.text(),
        signal: request.signal,
      }),
  });
  client.use(throwOnError);
  return client;
}
