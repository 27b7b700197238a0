/** What may be logged of a Bot Framework connector error. */

export interface ConnectorError {
  readonly statusCode?: number;
  readonly code?: string;
  readonly message?: string;
}

/**
 * The parts of a connector error worth logging. Never the error itself: its request carries the
 * bearer token in its headers.
 */
export function describeConnectorError(error: unknown): ConnectorError {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const { statusCode, code, message } = error as ConnectorError;
  return {
    ...(statusCode !== undefined ? { statusCode } : {}),
    ...(code ? { code } : {}),
    ...(message ? { message: message.slice(0, 300) } : {}),
  };
}
