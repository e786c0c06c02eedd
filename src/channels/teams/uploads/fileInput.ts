import type { TurnInput } from '../../../core/conversation/runTurn';
import type { Logger } from '../../../logging/logger';
import { downloadTeamsFile } from './fileDownload';
import { fileDownloadInfoSchema, TEAMS_FILE_DOWNLOAD_INFO } from './schema';

/**
 * A file shared in a personal chat as a core `file` input, or undefined when the message carries
 * none. The core gets a name and a way to fetch the bytes; the URL never leaves the channel.
 */
export function fileInputOf(attachments: readonly unknown[] | undefined, text: string, localMode: boolean, log: Logger): TurnInput | undefined {
  const candidate = attachments?.find(
    (attachment) => (attachment as { contentType?: unknown } | null)?.contentType === TEAMS_FILE_DOWNLOAD_INFO,
  );
  if (candidate === undefined) return undefined;
  const parsed = fileDownloadInfoSchema.safeParse(candidate);
  if (!parsed.success) {
    log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'ignored a malformed file attachment');
    return undefined;
  }
  const { name, content } = parsed.data;
  return {
    kind: 'file',
    text,
    file: { name, fetch: () => downloadTeamsFile(content.downloadUrl, { localMode }, log) },
  };
}
