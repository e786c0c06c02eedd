import type { StaffImportRow } from '../imports/staff';

export interface DirectoryImportSummary {
  created: number;
  changed: number;
  unchanged: number;
  deactivated: number;
}

/** Someone in the directory whom a file does not list. */
export interface MissingPerson {
  email: string;
  name: string;
}

export interface DirectoryImportOutcome {
  summary: DirectoryImportSummary;
  /** Active directory people the file does not list and the import left as they were. */
  missing: MissingPerson[];
  /** Who is an active directory person once the file is imported (compare with `directoryFingerprint`). */
  fingerprint: string;
}

/** The staff directory import behind files sent in chat (the CLI's `import staff`), implemented by the staff repository. */
export interface DirectoryImporter {
  importDirectoryFile(orgId: string, rows: readonly StaffImportRow[], options: { deactivateMissing?: boolean }): Promise<DirectoryImportOutcome>;
  /** Who is an active directory person now, as a fingerprint; unchanged as long as nobody joins or leaves the directory. */
  directoryFingerprint(orgId: string): Promise<string>;
  /** Marks these people inactive, only those still active directory people; resolves how many changed. */
  deactivateLeavers(orgId: string, emails: readonly string[], now?: Date): Promise<number>;
}

/**
 * A staff file imported in chat, kept so its summary card's "deactivate the people not in this
 * file" button can act on exactly who that file left out. The button carries only `uploadId`.
 */
export interface DirectoryUploadRecord {
  orgId: string;
  uploadId: string;
  fileName: string;
  createdAt: Date;
  /** After this the button is refused; the admin sends the current file again. */
  expiresAt: Date;
  summary: DirectoryImportSummary;
  /** Emails of the active directory people the file did not list. */
  missing: string[];
  /** `DirectoryImportOutcome.fingerprint` of this import: the directory the button was offered on. */
  fingerprint: string;
  /** Set once the button was used. */
  deactivated?: { count: number; at: Date };
}

export interface DirectoryUploadStore {
  save(record: DirectoryUploadRecord): Promise<void>;
  find(orgId: string, uploadId: string): Promise<DirectoryUploadRecord | null>;
  /** Whether a staff file was imported in chat after this moment. */
  hasNewerThan(orgId: string, createdAt: Date): Promise<boolean>;
  /** The single-use claim on an upload's deactivation: true for the first caller only (a unique insert). */
  claimDeactivation(orgId: string, uploadId: string, now: Date): Promise<boolean>;
  /** Whether a press has claimed the deactivation (it may still be under way). */
  deactivationClaimed(orgId: string, uploadId: string): Promise<boolean>;
  /** Gives the claim back when the deactivation failed part way, so the button may be pressed again. */
  releaseDeactivation(orgId: string, uploadId: string): Promise<void>;
  recordDeactivated(orgId: string, uploadId: string, count: number, at: Date): Promise<void>;
  /** Forgets this organisation's expired uploads (no reliance on TTL indexes). */
  pruneExpired(orgId: string, now: Date): Promise<void>;
}
