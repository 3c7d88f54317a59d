import { Readable } from 'node:stream';

/**
 * Passes `source` through, and when it fails turns the failure into a last piece of text
 * (`notice(error)`) and a clean end: once a stream has started answering, an HTTP error
 * can no longer be sent, so the reader learns why it stopped from its last line. A failure
 * after `signal` aborted is the reader going away and ends the stream silently. Destroying
 * the returned stream destroys `source`.
 */
export function endWithNotice(
  source: Readable,
  signal: AbortSignal,
  notice: (error: unknown) => string,
): Readable {
  async function* passThrough() {
    try {
      for await (const chunk of source) yield chunk as Buffer;
    } catch (error) {
      if (!signal.aborted) yield Buffer.from(notice(error));
    }
  }
  return Readable.from(passThrough(), { objectMode: false });
}
