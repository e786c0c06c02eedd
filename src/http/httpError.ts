import type { Response } from 'restify';

/** A refusal at the HTTP edge: a status, a stable code and a message written by us, never a library's. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const refusals = {
  badRequest: (message: string) => new HttpError(400, 'BadRequest', message),
  unauthorized: (message = 'The request is not authorised.') => new HttpError(401, 'Unauthorized', message),
  unsupportedType: (message: string) => new HttpError(415, 'UnsupportedMediaType', message),
  tooLarge: (limit: number) => new HttpError(413, 'PayloadTooLarge', `The body is larger than ${Math.round(limit / 1024)} KB.`),
};

/** Every error answer has the same JSON shape: `{ code, message }`. */
export function sendError(res: Response, error: HttpError, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.header(name, value);
  res.status(error.status);
  res.json({ code: error.code, message: error.message });
}

export function sendInternalError(res: Response): void {
  sendError(res, new HttpError(500, 'InternalError', 'Something went wrong on our side.'));
}
