/** The fields of the client's ResponseError this reads (the package is not a dependency of this plugin). */
type AnswerError = Error & {
  statusCode?: unknown;
  cause?: { message?: unknown };
};

/** The backend's own words for a failure (a refused plan names each rule and cluster), and its status. */
export function backendMessage(error: unknown): {
  message: string;
  status?: number;
} {
  if (!(error instanceof Error)) return { message: String(error) };
  const { statusCode, cause } = error as AnswerError;
  if (error.name === 'ResponseError' && typeof statusCode === 'number') {
    const message =
      typeof cause?.message === 'string' && cause.message
        ? cause.message
        : error.message;
    return { message, status: statusCode };
  }
  return { message: error.message };
}
