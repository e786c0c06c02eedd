/** The answer to a staff directory CSV sent in chat: what was imported, or why nothing was. */
export interface DirectoryUploadView {
  type: 'directoryUpload';
  fileName: string;
  outcome: 'imported' | 'rejected';
  /** People counted by what happened to them; all zero when rejected. */
  summary: { created: number; changed: number; unchanged: number; deactivated: number };
  deactivateMissing: boolean;
  /** The first problems (rejected only), and how many there were in all. */
  problems: string[];
  problemCount: number;
}
