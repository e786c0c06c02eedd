import type { Request } from 'restify';
import { refusals } from './httpError';

export interface BodyRules {
  /** Largest body accepted, in bytes. */
  limit: number;
  /** Media types accepted (lower case, without parameters). */
  mediaTypes: readonly string[];
}

/** After refusing an oversized body we keep reading (and discarding) this much, so the client can read our 413. */
const DRAIN_FACTOR = 16;

function header(req: Request, name: string): string {
  const value = req.headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().toLowerCase();
}

/** Refuses compressed bodies, other media types and other charsets before a byte is read. */
export function checkBodyHeaders(req: Request, rules: BodyRules): void {
  const encoding = header(req, 'content-encoding');
  if (encoding !== '' && encoding !== 'identity') {
    throw refusals.unsupportedType('Compressed request bodies are not accepted; send the body uncompressed.');
  }
  const [mediaType = '', ...parameters] = header(req, 'content-type').split(';').map((part) => part.trim());
  if (!rules.mediaTypes.includes(mediaType)) {
    throw refusals.unsupportedType(`The body must be sent as ${rules.mediaTypes.join(' or ')}.`);
  }
  for (const parameter of parameters) {
    const [name, value = ''] = parameter.split('=').map((part) => part.trim().replace(/^"|"$/g, ''));
    if (name === 'charset' && value !== 'utf-8' && value !== 'utf8') {
      throw refusals.unsupportedType('The body must be encoded as UTF-8.');
    }
  }
  const declared = Number(header(req, 'content-length') || '0');
  if (Number.isFinite(declared) && declared > rules.limit) throw refusals.tooLarge(rules.limit);
}

/**
 * Reads the whole body into memory, up to `limit` bytes. Nothing is inflated and nothing is
 * written to disk. Every stream event is handled, so a broken or hostile upload can only ever end
 * in a rejected promise carrying an HttpError.
 */
export function readBody(req: Request, rules: BodyRules): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    try {
      checkBodyHeaders(req, rules);
    } catch (error) {
      drain(req, rules.limit);
      reject(error);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > rules.limit) {
        settle(() => reject(refusals.tooLarge(rules.limit)));
        drain(req, rules.limit, size);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => settle(() => resolve(Buffer.concat(chunks, size))));
    req.once('aborted', () => settle(() => reject(refusals.badRequest('The request was aborted.'))));
    req.on('error', () => settle(() => reject(refusals.badRequest('The request body could not be read.'))));
  });
}

/** Discards the rest of a refused body so the 413/415 can be read, but never more than a bounded amount. */
function drain(req: Request, limit: number, alreadyRead = 0): void {
  let discarded = alreadyRead;
  // The request has been answered already; a client that hangs up now needs no further handling.
  req.on('error', () => undefined);
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > limit * DRAIN_FACTOR) req.destroy();
  });
  req.resume();
}
