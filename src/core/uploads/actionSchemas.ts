import { randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Names a staff file imported in chat; all the server needs to find what the file left out. */
export const uploadIdSchema = z.string().trim().regex(/^u-[a-f0-9]{12}$/);

export const newUploadId = (): string => `u-${randomBytes(6).toString('hex')}`;

/**
 * What the directory upload card submits. The payload names the upload only: who is deactivated
 * comes from the server's record of that file, and the speaker's admin role is checked again.
 */
export const uploadActionSchemas = [z.object({ action: z.literal('deactivateMissing'), uploadId: uploadIdSchema })] as const;
