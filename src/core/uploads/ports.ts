import type { StaffImportRow } from '../imports/staff';

export interface DirectoryImportSummary {
  created: number;
  changed: number;
  unchanged: number;
  deactivated: number;
}

/** The bulk staff directory import (the CLI's `import staff`), implemented by the staff repository. */
export interface DirectoryImporter {
  importDirectory(orgId: string, rows: readonly StaffImportRow[], options: { deactivateMissing?: boolean }): Promise<DirectoryImportSummary>;
}
