import { NextStepError } from '../../errors';

/** A file sent in chat could not be read: too big, from a host we do not fetch from, or the download failed. */
export class FileDownloadError extends NextStepError {
  readonly code = 'file_download_failed';
}
