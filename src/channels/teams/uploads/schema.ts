import { z } from 'zod';

/** The attachment Teams sends when someone shares a file in a personal chat with a bot that supports files. */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export const fileDownloadInfoSchema = z.object({
  contentType: z.literal(TEAMS_FILE_DOWNLOAD_INFO),
  name: z.string().trim().min(1).max(400),
  content: z
    .object({
      downloadUrl: z.string().max(4096),
      uniqueId: z.string().max(400).optional(),
      fileType: z.string().max(40).optional(),
    })
    .loose(),
});
export type FileDownloadInfo = z.infer<typeof fileDownloadInfoSchema>;
