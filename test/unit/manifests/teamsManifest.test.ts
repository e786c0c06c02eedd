import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import {
  ACCENT_COLOUR,
  drawColorIcon,
  drawOutlineIcon,
  generateIcons,
} from '../../../scripts/teams-manifest/icons';
import {
  COLOR_ICON_PATH,
  OUTLINE_ICON_PATH,
  REPO_ROOT,
  TEAMS_MANIFEST_TEMPLATE,
  TEAMS_MANIFEST_VERSION,
} from '../../../scripts/teams-manifest/paths';
import { decodePng, encodePng, readPngInfo, type RgbaImage } from '../../../scripts/teams-manifest/png';
import {
  deriveTeamsAppId,
  findPlaceholders,
  isGuid,
  PlaceholderError,
  resolveTeamsIds,
  substitutePlaceholders,
  uuidV5,
} from '../../../scripts/teams-manifest/substitute';
import {
  checkTeamsManifestRules,
  loadTeamsSchema,
  teamsSchemaPath,
  validateAgainstTeamsSchema,
  validateTeamsManifest,
} from '../../../scripts/teams-manifest/validate';
import { buildTeamsZip, listZipEntries, readZipEntry } from '../../../scripts/teams-manifest/zip';

// @microsoft/app-manifest requires strip-bom v5, which is ESM-only; Jest (on Node < 24.9) cannot
// require() it. It is only used by the package's file readers, which these tests do not call.
jest.mock('strip-bom', () => ({ __esModule: true, default: (s: string) => s.replace(/^\uFEFF/, '') }));

const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const APP_ID = '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d';

interface Command {
  title: string;
  description?: string;
}
interface CommandList {
  scopes: string[];
  commands: Command[];
}
interface Bot {
  botId?: string;
  scopes: string[];
  supportsFiles?: boolean;
  isNotificationOnly?: boolean;
  commandLists: CommandList[];
}
interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  description: { short: string; full: string };
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: Bot[];
  validDomains?: string[];
  webApplicationInfo?: unknown;
}

function template(): Manifest {
  return JSON.parse(readFileSync(TEAMS_MANIFEST_TEMPLATE, 'utf8')) as Manifest;
}

function sample(): Manifest {
  return substitutePlaceholders(template(), { MICROSOFT_APP_ID: BOT_ID, TEAMS_APP_ID: APP_ID });
}

function bot(m: Manifest): Bot {
  const b = m.bots[0];
  if (!b) throw new Error('manifest has no bot');
  return b;
}

function pixel(img: RgbaImage, x: number, y: number): [number, number, number, number] {
  const i = (y * img.width + x) * 4;
  return [img.data[i] ?? -1, img.data[i + 1] ?? -1, img.data[i + 2] ?? -1, img.data[i + 3] ?? -1];
}

describe('Teams manifest template', () => {
  it('targets the newest numbered schema bundled in @microsoft/app-manifest', () => {
    const schemasDir = path.dirname(path.dirname(teamsSchemaPath()));
    const numbered = readdirSync(schemasDir)
      .filter((d) => /^v\d+\.\d+$/.test(d))
      .map((d) => d.slice(1))
      .sort((a, b) => {
        const [aMaj = 0, aMin = 0] = a.split('.').map(Number);
        const [bMaj = 0, bMin = 0] = b.split('.').map(Number);
        return aMaj - bMaj || aMin - bMin;
      });
    expect(numbered.at(-1)).toBe(TEAMS_MANIFEST_VERSION);
    const m = template();
    expect(m.manifestVersion).toBe(TEAMS_MANIFEST_VERSION);
    expect(m.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${TEAMS_MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    );
  });

  it('uses only the two id placeholders, in the right places', () => {
    const m = template();
    expect(findPlaceholders(m)).toEqual(['MICROSOFT_APP_ID', 'TEAMS_APP_ID']);
    expect(m.id).toBe('${{TEAMS_APP_ID}}');
    expect(bot(m).botId).toBe('${{MICROSOFT_APP_ID}}');
  });

  it('validates against the bundled official schema with zero errors once substituted', () => {
    const m = sample();
    expect(validateAgainstTeamsSchema(m)).toEqual([]);
    expect(checkTeamsManifestRules(m)).toEqual([]);
    expect(validateTeamsManifest(m)).toEqual([]);
  });

  it("agrees with @microsoft/app-manifest's own validator", async () => {
    const schema = loadTeamsSchema();
    expect(await AppManifestUtils.validateAgainstSchema(sample() as never, schema as never)).toEqual([]);
    const broken = sample();
    delete bot(broken).botId;
    expect(
      (await AppManifestUtils.validateAgainstSchema(broken as never, schema as never)).length,
    ).toBeGreaterThan(0);
  });

  it('fails unsubstituted (the placeholders are not GUIDs)', () => {
    const paths = validateTeamsManifest(template()).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/id', '/bots/0/botId']));
  });

  it('rejects a copy with no bots[0].botId (schema)', () => {
    const broken = sample();
    delete bot(broken).botId;
    const issues = validateAgainstTeamsSchema(broken);
    expect(issues).toContainEqual({ path: '/bots/0/botId', message: 'is required', source: 'schema' });
  });

  it('rejects a non-GUID bot id, a bad accent colour and unknown properties (schema)', () => {
    const broken = sample() as Manifest & { colour?: string };
    bot(broken).botId = 'not-a-guid';
    broken.accentColor = 'teal';
    broken.colour = '#1F6F8B';
    const paths = validateAgainstTeamsSchema(broken).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/bots/0/botId', '/accentColor', '/colour']));
  });

  it('rejects a 40-character command title (Teams limit 32) and 11 commands in a list', () => {
    const longTitle = sample();
    const first = bot(longTitle).commandLists[0]?.commands[0];
    if (!first) throw new Error('no commands');
    first.title = 'x'.repeat(40);
    expect(validateTeamsManifest(longTitle)).toContainEqual({
      path: '/bots/0/commandLists/0/commands/0/title',
      message: 'is 40 characters; Teams allows at most 32',
      source: 'rule',
    });

    const tooMany = sample();
    const list = bot(tooMany).commandLists[0];
    if (!list) throw new Error('no command list');
    while (list.commands.length < 11) list.commands.push({ title: `Extra ${list.commands.length}` });
    expect(validateTeamsManifest(tooMany).map((i) => i.path)).toContain('/bots/0/commandLists/0/commands');
  });

  it('rejects an over-long short description (schema maxLength 80)', () => {
    const broken = sample();
    broken.description.short = 'y'.repeat(81);
    expect(validateAgainstTeamsSchema(broken).map((i) => i.path)).toContain('/description/short');
  });

  it('describes a conversational NextStep bot for personal, team and group chat', () => {
    const m = sample();
    expect(m.name.short).toBe('NextStep');
    expect(m.developer.name).toBe('NextStep');
    for (const url of [m.developer.websiteUrl, m.developer.privacyUrl, m.developer.termsOfUseUrl]) {
      expect(url.startsWith('https://nextstep.example.org')).toBe(true);
    }
    expect(m.description.short.length).toBeLessThanOrEqual(80);
    expect(m.description.full.length).toBeLessThanOrEqual(4000);
    expect(m.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(m.accentColor).toBe(ACCENT_COLOUR);
    expect(m.webApplicationInfo).toBeUndefined();
    expect(m.validDomains ?? []).toEqual([]);
    expect(m.bots).toHaveLength(1);
    const b = bot(m);
    expect(b.botId).toBe(BOT_ID);
    expect([...b.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(b.supportsFiles).toBe(true);
    expect(b.isNotificationOnly).toBe(false);
  });

  it('has command lists for personal and team/groupChat within the Teams limits', () => {
    const lists = bot(sample()).commandLists;
    const scopes = lists.flatMap((l) => l.scopes).sort();
    expect(scopes).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      expect(list.commands.length).toBeGreaterThan(0);
      expect(list.commands.length).toBeLessThanOrEqual(10);
      const titles = list.commands.map((c) => c.title);
      expect(new Set(titles.map((t) => t.toLowerCase())).size).toBe(titles.length);
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(32);
        expect((c.description ?? '').length).toBeGreaterThan(0);
        expect((c.description ?? '').length).toBeLessThanOrEqual(128);
      }
    }
    const personal = lists.find((l) => l.scopes.includes('personal'));
    expect(personal?.commands.map((c) => c.title)).toEqual([
      'What next',
      'Browse',
      'My plan',
      'Log CPD',
      'CPD progress',
      'Reading list',
      'My profile',
      'My data',
      'Help',
    ]);
    const shared = lists.find((l) => l.scopes.includes('team'));
    expect(shared?.scopes).toContain('groupChat');
    expect(shared?.commands.map((c) => c.title)).toEqual(expect.arrayContaining(['What next', 'Help']));
  });
});

describe('placeholder substitution and ids', () => {
  it('substitutes inside parsed JSON and never breaks its structure', () => {
    const out = substitutePlaceholders({ a: '${{X}}', b: ['pre-${{ X }}-post'], c: 3 }, { X: 'va"lue' });
    expect(out).toEqual({ a: 'va"lue', b: ['pre-va"lue-post'], c: 3 });
  });

  it('names every placeholder that has no value', () => {
    expect(() => substitutePlaceholders(template(), { MICROSOFT_APP_ID: BOT_ID })).toThrow(PlaceholderError);
    expect(() => substitutePlaceholders({ a: '${{A}}', b: '${{B}}' }, {})).toThrow(/A, B/);
  });

  it('computes RFC 4122 version 5 UUIDs', () => {
    // Known vector: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('derives a stable Teams app id from MICROSOFT_APP_ID unless TEAMS_APP_ID is given', () => {
    const derived = resolveTeamsIds({ MICROSOFT_APP_ID: BOT_ID.toUpperCase() });
    expect(derived.MICROSOFT_APP_ID).toBe(BOT_ID);
    expect(derived.teamsAppIdDerived).toBe(true);
    expect(isGuid(derived.TEAMS_APP_ID)).toBe(true);
    expect(derived.TEAMS_APP_ID).not.toBe(BOT_ID);
    expect(derived.TEAMS_APP_ID).toBe(deriveTeamsAppId(BOT_ID));
    expect(resolveTeamsIds({ MICROSOFT_APP_ID: BOT_ID }).TEAMS_APP_ID).toBe(derived.TEAMS_APP_ID);

    const given = resolveTeamsIds({ MICROSOFT_APP_ID: BOT_ID, TEAMS_APP_ID: APP_ID });
    expect(given).toEqual({ MICROSOFT_APP_ID: BOT_ID, TEAMS_APP_ID: APP_ID, teamsAppIdDerived: false });
  });

  it('refuses a missing or malformed MICROSOFT_APP_ID and a malformed TEAMS_APP_ID', () => {
    expect(() => resolveTeamsIds({})).toThrow(/MICROSOFT_APP_ID is not set/);
    expect(() => resolveTeamsIds({ MICROSOFT_APP_ID: 'abc' })).toThrow(/MICROSOFT_APP_ID must be a GUID/);
    expect(() => resolveTeamsIds({ MICROSOFT_APP_ID: BOT_ID, TEAMS_APP_ID: 'x' })).toThrow(
      /TEAMS_APP_ID must be a GUID/,
    );
  });
});

describe('Teams icons', () => {
  const color = readFileSync(COLOR_ICON_PATH);
  const outline = readFileSync(OUTLINE_ICON_PATH);

  it('are 192x192 and 32x32 RGBA PNGs', () => {
    expect(readPngInfo(color)).toMatchObject({ width: 192, height: 192, bitDepth: 8, colourType: 6 });
    expect(readPngInfo(outline)).toMatchObject({ width: 32, height: 32, bitDepth: 8, colourType: 6 });
  });

  it('are committed exactly as the generator draws them (deterministic, up to date)', () => {
    const fresh = generateIcons();
    expect(fresh.color.equals(color)).toBe(true);
    expect(fresh.outline.equals(outline)).toBe(true);
    expect(generateIcons().color.equals(fresh.color)).toBe(true);
  });

  it('outline icon is white on a transparent background', () => {
    const img = decodePng(outline);
    for (const [x, y] of [[0, 0], [31, 0], [0, 31], [31, 31]] as const) expect(pixel(img, x, y)[3]).toBe(0);
    let transparent = 0;
    let opaque = 0;
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const [r, g, b, a] = pixel(img, x, y);
        if (a === 0) transparent++;
        else expect([r, g, b]).toEqual([255, 255, 255]);
        if (a === 255) opaque++;
      }
    }
    expect(transparent).toBeGreaterThan(img.width * img.height * 0.3);
    expect(opaque).toBeGreaterThan(img.width * img.height * 0.2);
  });

  it('colour icon is the white mark on the accent colour', () => {
    const img = decodePng(color);
    const accent = [0x1f, 0x6f, 0x8b, 255];
    expect(pixel(img, 96, 20)).toEqual(accent);
    expect(pixel(img, 0, 0)[3]).toBe(0); // rounded corner
    let white = 0;
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        const [r, g, b, a] = pixel(img, x, y);
        if (r === 255 && g === 255 && b === 255 && a === 255) white++;
      }
    }
    expect(white).toBeGreaterThan(1000);
    expect(drawColorIcon().width).toBe(192);
    expect(drawOutlineIcon().width).toBe(32);
  });

  it('PNG encoder round-trips through the decoder', () => {
    const data = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) & 0xff);
    const decoded = decodePng(encodePng({ width: 3, height: 2, data }));
    expect(decoded.width).toBe(3);
    expect(decoded.height).toBe(2);
    expect(Buffer.from(decoded.data).equals(Buffer.from(data))).toBe(true);
  });
});

describe('Teams app package', () => {
  it('contains exactly manifest.json, color.png and outline.png at the root', async () => {
    const manifest = sample();
    const input = { manifest, color: readFileSync(COLOR_ICON_PATH), outline: readFileSync(OUTLINE_ICON_PATH) };
    const zip = await buildTeamsZip(input);
    expect(await listZipEntries(zip)).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const inside = await readZipEntry(zip, 'manifest.json');
    expect(JSON.parse(inside?.toString('utf8') ?? 'null')).toEqual(manifest);
    expect((await readZipEntry(zip, 'outline.png'))?.equals(input.outline)).toBe(true);
    expect((await buildTeamsZip(input)).equals(zip)).toBe(true);
  });

  it('package script exits 1 with one clear line when MICROSOFT_APP_ID is missing', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.MICROSOFT_APP_ID;
    delete env.TEAMS_APP_ID;
    const result = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), path.join(REPO_ROOT, 'scripts', 'package-teams.ts')],
      { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/MICROSOFT_APP_ID is not set/);
  });
});
