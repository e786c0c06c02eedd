import { createHash } from 'node:crypto';

/**
 * A short digest of a set of emails (order and repeats do not matter): the same set of active
 * directory people always gives the same fingerprint, and any change to who is in it a different one.
 * It lets a stored upload tell, without keeping the file, whether the directory moved on since.
 */
export function directoryFingerprint(emails: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const email of [...new Set(emails)].sort()) hash.update(`${email}\n`);
  return hash.digest('base64url');
}
