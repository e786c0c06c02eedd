/** Builds the Teams app package: a zip with manifest.json, color.png and outline.png at its root. */
import JSZip from 'jszip';

export interface TeamsPackageInput {
  /** The final (substituted, validated) manifest object, or its JSON text. */
  manifest: unknown;
  color: Buffer;
  outline: Buffer;
}

/** Fixed timestamp for every entry, so the same inputs always give a byte-identical zip. */
const ENTRY_DATE = new Date(Date.UTC(2025, 0, 1, 0, 0, 0));

export const TEAMS_PACKAGE_ENTRIES = ['manifest.json', 'color.png', 'outline.png'] as const;

export async function buildTeamsZip(input: TeamsPackageInput): Promise<Buffer> {
  const manifestText =
    typeof input.manifest === 'string' ? input.manifest : `${JSON.stringify(input.manifest, null, 2)}\n`;
  const zip = new JSZip();
  const options = { date: ENTRY_DATE, createFolders: false };
  zip.file('manifest.json', manifestText, options);
  zip.file('color.png', input.color, { ...options, binary: true });
  zip.file('outline.png', input.outline, { ...options, binary: true });
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'DOS',
  });
}

/** Names of every entry in a zip (directories included, with their trailing '/'). */
export async function listZipEntries(zipBuffer: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(zipBuffer);
  return Object.keys(zip.files).sort();
}

/** Reads one entry of a zip as a Buffer, or undefined when absent. */
export async function readZipEntry(zipBuffer: Buffer, name: string): Promise<Buffer | undefined> {
  const zip = await JSZip.loadAsync(zipBuffer);
  return zip.file(name)?.async('nodebuffer');
}
