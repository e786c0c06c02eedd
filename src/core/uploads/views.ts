/** Active directory people a file did not list, and what the summary card offers about them. */
export interface NotInFileView {
  count: number;
  /** The first few by name, e.g. "Sam Lee, Kim Park and 3 others"; empty once they were deactivated. */
  names: string;
  /** While deactivating them is on offer: the stored upload the button names (the server holds who they are). */
  uploadId?: string;
  /** Once the button was used: how many were deactivated. */
  deactivated?: number;
}

/** The answer to a staff directory CSV sent in chat: what was imported, or why nothing was. */
export interface DirectoryUploadView {
  type: 'directoryUpload';
  fileName: string;
  outcome: 'imported' | 'rejected';
  /** People counted by what happened to them; all zero when rejected. */
  summary: { created: number; changed: number; unchanged: number; deactivated: number };
  /** The file came with the words "deactivate missing", so the import deactivated them itself. */
  deactivateMissing: boolean;
  /** Imported only, when the file leaves out anyone active in the directory. */
  notInFile?: NotInFileView;
  /** The first problems (rejected only), and how many there were in all. */
  problems: string[];
  problemCount: number;
}
