/**
 * Builds the Microsoft Teams app package: `npm run package:teams`.
 *
 *   MICROSOFT_APP_ID  required, GUID: the bot's Microsoft App ID (Azure Bot registration).
 *   TEAMS_APP_ID      optional, GUID: the Teams app id. When unset it is derived from
 *                     MICROSOFT_APP_ID as a UUID v5 (see deriveTeamsAppId), so the same bot always
 *                     gets the same Teams app id and re-uploads update the existing app.
 *
 * Steps: substitute the `${{…}}` placeholders in manifests/teams/manifest.json, validate the result
 * against the official schema bundled in @microsoft/app-manifest (no network), regenerate the icons
 * if they are missing, then write manifests/teams/build/nextstep-teams.zip.
 * Exit code 1, with one line per problem, when anything is wrong.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeIcons } from './teams-manifest/icons';
import {
  COLOR_ICON_PATH,
  OUTLINE_ICON_PATH,
  TEAMS_MANIFEST_TEMPLATE,
  TEAMS_MANIFEST_VERSION,
  TEAMS_ZIP_PATH,
} from './teams-manifest/paths';
import { readPngInfo } from './teams-manifest/png';
import { resolveTeamsIds, substitutePlaceholders, type TeamsIds } from './teams-manifest/substitute';
import { formatIssue, validateTeamsManifest } from './teams-manifest/validate';
import { buildTeamsZip } from './teams-manifest/zip';

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(1);
}

function checkIcon(file: string, size: number, label: string): string[] {
  try {
    const info = readPngInfo(readFileSync(file));
    return info.width === size && info.height === size
      ? []
      : [`${label} icon ${file} is ${info.width}x${info.height}; Teams needs ${size}x${size}`];
  } catch (err) {
    return [`${label} icon ${file} is not a readable PNG: ${(err as Error).message}`];
  }
}

async function main(): Promise<void> {
  let ids: TeamsIds;
  try {
    ids = resolveTeamsIds(process.env);
  } catch (err) {
    fail([`package:teams: ${(err as Error).message}`]);
  }

  const template: unknown = JSON.parse(readFileSync(TEAMS_MANIFEST_TEMPLATE, 'utf8'));
  const manifest = substitutePlaceholders(template, {
    MICROSOFT_APP_ID: ids.MICROSOFT_APP_ID,
    TEAMS_APP_ID: ids.TEAMS_APP_ID,
  });

  const issues = validateTeamsManifest(manifest);
  if (issues.length > 0) {
    fail([
      `package:teams: manifest is not valid against the Teams v${TEAMS_MANIFEST_VERSION} schema (${issues.length} problem(s)):`,
      ...issues.map((issue) => `  ${formatIssue(issue)}`),
    ]);
  }

  if (!existsSync(COLOR_ICON_PATH) || !existsSync(OUTLINE_ICON_PATH)) {
    writeIcons();
    console.log('Icons were missing and have been regenerated.');
  }
  const iconProblems = [...checkIcon(COLOR_ICON_PATH, 192, 'colour'), ...checkIcon(OUTLINE_ICON_PATH, 32, 'outline')];
  if (iconProblems.length > 0) fail(iconProblems.map((p) => `package:teams: ${p}`));

  const zip = await buildTeamsZip({
    manifest,
    color: readFileSync(COLOR_ICON_PATH),
    outline: readFileSync(OUTLINE_ICON_PATH),
  });
  mkdirSync(path.dirname(TEAMS_ZIP_PATH), { recursive: true });
  writeFileSync(TEAMS_ZIP_PATH, zip);

  console.log(
    `Teams app id ${ids.TEAMS_APP_ID}${ids.teamsAppIdDerived ? ' (derived from MICROSOFT_APP_ID)' : ''}, bot id ${ids.MICROSOFT_APP_ID}`,
  );
  console.log(path.relative(process.cwd(), TEAMS_ZIP_PATH) || TEAMS_ZIP_PATH);
}

main().catch((err: unknown) => {
  fail([`package:teams: ${err instanceof Error ? err.message : String(err)}`]);
});
