import { ResponseError } from '@backstage/errors';

/** The error a client throws for an error answer of a Backstage backend (`{ error, response }` body). */
export function backendError(
  status: number,
  statusText: string,
  error: { name: string; message: string },
): Promise<ResponseError> {
  const body = JSON.stringify({ error, response: { statusCode: status } });
  return ResponseError.fromResponse({
    ok: false,
    status,
    statusText,
    redirected: false,
    type: 'basic',
    url: 'http://localhost:7007/api/skip-fleet/test',
    headers: new Map([['content-type', 'application/json']]) as never,
    text: async () => body,
  });
}
