/**
 * Reads until `ok` holds: the watch cache and the simulated controllers settle
 * asynchronously, as real ones do. Fails naming what it waited for and what it last saw.
 */
export async function eventually<T>(
  read: () => Promise<T> | T,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(
    `Timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(
      0,
      500,
    )}`,
  );
}
