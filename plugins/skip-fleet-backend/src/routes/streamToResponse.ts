import type { Response } from 'express';
import type { Readable } from 'node:stream';

/**
 * Streams text to the browser as it arrives: no caching, and no buffering by a proxy in
 * between (nginx honours `X-Accel-Buffering`). Settles when the answer is closed, either
 * because the stream ended or because the browser went away; a failure after the headers
 * are out can only end the answer.
 */
export async function streamToResponse(
  stream: Readable,
  res: Response,
): Promise<void> {
  res.type('text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  await new Promise<void>(resolve => {
    res.once('close', () => resolve());
    stream.once('error', () => res.end());
    stream.pipe(res);
  });
  stream.destroy();
}
