/**
 * Runs `work` with an AbortSignal that aborts when `timeoutMs` passes before it settles, or
 * when the caller's `signal` aborts. Passing the signal into the HTTP request is what makes
 * the deadline real: the request is cancelled, so a change cannot land after the caller was
 * told it failed. The deadline ends once `work` settles; the signal keeps following the
 * caller's, so a stream `work` opened lives until the caller gives up.
 */
export async function runWithDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  options: {
    timeoutMs: number;
    /** The caller's own signal (a closed browser, a stopping plugin). */
    signal?: AbortSignal;
    /** The error to throw at the deadline. */
    onDeadline: () => Error;
  },
): Promise<T> {
  const { timeoutMs, signal: outer, onDeadline } = options;
  const controller = new AbortController();
  const followOuter = () => controller.abort(outer?.reason);
  if (outer?.aborted) followOuter();
  else outer?.addEventListener('abort', followOuter, { once: true });

  let timer: ReturnType<typeof setTimeout> | undefined;
  // Rejects at the deadline even if `work` ignores its signal, so a caller never hangs.
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      const error = onDeadline();
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } catch (error) {
    outer?.removeEventListener('abort', followOuter);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
