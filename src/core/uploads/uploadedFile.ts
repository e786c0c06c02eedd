/**
 * A file someone sent the bot, as the channel describes it. The channel does the download (with
 * its own limits and host rules); the core only names the file and asks for the bytes.
 */
export interface UploadedFile {
  name: string;
  /** Bytes, when the platform said (not trusted: the download enforces the real limit). */
  size?: number;
  /** The bytes; rejects with a `FileDownloadError` (a user-safe message) when they cannot be had. */
  fetch(): Promise<Buffer>;
}

/** Largest upload the bot reads. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
