import { createServer, IncomingHttpHeaders } from 'node:http';
import { AddressInfo } from 'node:net';

/** One request the fake backend received. */
export type ReceivedRequest = {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
};

/** What the fake backend answers: a status and a body (an object is sent as JSON). */
export type FakeAnswer = { status: number; body: string | object };

/**
 * A real HTTP server standing in for the skip-fleet backend, so a client is tested over the
 * wire (URL, headers, status handling) rather than through a mocked fetch.
 */
export async function startFakeFleetBackend(
  answer: (request: ReceivedRequest) => FakeAnswer,
) {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const request = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
    };
    requests.push(request);
    const { status, body } = answer(request);
    const isText = typeof body === 'string';
    res.writeHead(status, {
      'content-type': isText ? 'text/plain' : 'application/json',
    });
    res.end(isText ? body : JSON.stringify(body));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** What discovery answers for the `skip-fleet` plugin. */
    baseUrl: `http://127.0.0.1:${port}/api/skip-fleet`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve())),
      ),
  };
}
