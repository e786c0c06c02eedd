import { FileDownloadError } from '../../../core/uploads/errors';
import { MAX_UPLOAD_BYTES } from '../../../core/uploads/uploadedFile';
import type { Logger } from '../../../logging/logger';
import { mayDownload } from './downloadRule';

export interface DownloadLimits {
  localMode: boolean;
  maxBytes?: number;
  timeoutMs?: number;
}

const TIMEOUT_MS = 10_000;

const megabytes = (bytes: number): string => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

const tooBig = (maxBytes: number) =>
  new FileDownloadError(`That file is bigger than ${megabytes(maxBytes)}, which is the most I can read. Please split it or remove unused columns and send it again.`);

const COULD_NOT_READ = "Sorry, I couldn't download that file from Teams. Please send it again in a moment.";

/**
 * Downloads a file Teams shared: only from allowed hosts (downloadRule.ts), never following a
 * redirect, within a time limit and stopping as soon as it passes the size cap.
 */
export async function downloadTeamsFile(url: string, limits: DownloadLimits, log: Logger): Promise<Buffer> {
  const maxBytes = limits.maxBytes ?? MAX_UPLOAD_BYTES;
  if (!mayDownload(url, limits.localMode)) {
    log.warn({ host: hostOf(url) }, 'refused to download a file from a host that is not allowed');
    throw new FileDownloadError("Sorry, I can't read files from there. Please send the file to me directly in this chat.");
  }
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(limits.timeoutMs ?? TIMEOUT_MS) });
  } catch (error) {
    log.warn({ err: error, host: hostOf(url) }, 'file download failed');
    throw new FileDownloadError(COULD_NOT_READ, { cause: error });
  }
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel();
    log.warn({ status: response.status, host: hostOf(url) }, 'file download was not a 200 answer (redirects are not followed)');
    throw new FileDownloadError(COULD_NOT_READ);
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel();
    throw tooBig(maxBytes);
  }
  return readCapped(response.body, maxBytes, log, url);
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, log: Logger, url: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw tooBig(maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof FileDownloadError) throw error;
    log.warn({ err: error, host: hostOf(url) }, 'file download broke off');
    throw new FileDownloadError(COULD_NOT_READ, { cause: error });
  }
  return Buffer.concat(chunks);
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}
