/** File locations and fixed facts shared by the Teams packaging scripts and their tests. */
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const TEAMS_MANIFEST_DIR = path.join(REPO_ROOT, 'manifests', 'teams');
export const TEAMS_MANIFEST_TEMPLATE = path.join(TEAMS_MANIFEST_DIR, 'manifest.json');
export const COLOR_ICON_PATH = path.join(TEAMS_MANIFEST_DIR, 'color.png');
export const OUTLINE_ICON_PATH = path.join(TEAMS_MANIFEST_DIR, 'outline.png');
export const TEAMS_BUILD_DIR = path.join(TEAMS_MANIFEST_DIR, 'build');
export const TEAMS_ZIP_PATH = path.join(TEAMS_BUILD_DIR, 'nextstep-teams.zip');
export const SLACK_MANIFEST_PATH = path.join(REPO_ROOT, 'manifests', 'slack', 'manifest.yaml');

/**
 * The Teams manifest schema version the template targets: the newest numbered version whose JSON
 * schema ships inside the installed `@microsoft/app-manifest` package
 * (node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.30/MicrosoftTeams.schema.json).
 * When upgrading, change this, `manifestVersion` and `$schema` in manifests/teams/manifest.json.
 */
export const TEAMS_MANIFEST_VERSION = '1.30';
