import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SLACK_MANIFEST_PATH } from '../../../scripts/teams-manifest/paths';

interface SlashCommand {
  command: string;
  url: string;
  description: string;
  usage_hint?: string;
}
interface SlackManifest {
  display_information: { name: string; description: string; long_description: string; background_color: string };
  features: {
    app_home: { home_tab_enabled?: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled?: boolean };
    bot_user: { display_name: string; always_online?: boolean };
    slash_commands: SlashCommand[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

const manifest = parse(readFileSync(SLACK_MANIFEST_PATH, 'utf8')) as SlackManifest;

describe('Slack app manifest', () => {
  it('parses as YAML and names the app and its bot user NextStep', () => {
    expect(manifest.display_information.name).toBe('NextStep');
    expect(manifest.features.bot_user.display_name).toBe('NextStep');
    // Slack's limits: short description ≤ 140, long description 175–4000 characters.
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(manifest.display_information.long_description.length).toBeLessThanOrEqual(4000);
    expect(manifest.display_information.background_color).toMatch(/^#[0-9a-fA-F]{6}$/);
  });

  it('asks for exactly the bot scopes NextStep needs', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    expect([...scopes].sort()).toEqual(
      ['app_mentions:read', 'channels:read', 'chat:write', 'commands', 'groups:read', 'im:history', 'im:write', 'users:read', 'users:read.email'].sort(),
    );
  });

  it('asks for the scopes of every Web API method the Slack channel calls, and no others', () => {
    // Slack's documented bot scope per method (calls are made on a Web API `client`); a method
    // missing here fails the test until it is added.
    const METHOD_SCOPES = new Map<string, string[]>([
      ['auth.test', []],
      ['chat.postMessage', ['chat:write']],
      ['chat.update', ['chat:write']],
      ['conversations.info', ['channels:read', 'groups:read']],
      ['conversations.open', ['im:write']],
      // Public and private channels (types public_channel,private_channel).
      ['users.conversations', ['channels:read', 'groups:read']],
      ['users.info', ['users:read', 'users:read.email']],
      ['views.open', []],
      ['views.publish', []],
      ['views.update', []],
    ]);
    const EVENT_SCOPES = new Map<string, string[]>([
      ['app_home_opened', []],
      ['app_mention', ['app_mentions:read']],
      ['message.im', ['im:history']],
      ['member_joined_channel', ['channels:read', 'groups:read']],
      ['member_left_channel', ['channels:read', 'groups:read']],
      ['channel_left', ['channels:read']],
      ['group_left', ['groups:read']],
      ['channel_archive', ['channels:read']],
      ['group_archive', ['groups:read']],
      ['channel_deleted', ['channels:read']],
      ['group_deleted', ['groups:read']],
      ['channel_rename', ['channels:read']],
      ['group_rename', ['groups:read']],
    ]);
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
      );
    const source = files(path.join(__dirname, '../../../src/channels/slack'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const called = new Set([...source.matchAll(/client\.(auth|chat|conversations|users|views|reactions|files)\.(\w+)\(/g)].map((m) => `${m[1]}.${m[2]}`));
    expect(called.size).toBeGreaterThan(0);
    const needed = new Set<string>();
    for (const method of called) {
      const scopes = METHOD_SCOPES.get(method);
      if (!scopes) throw new Error(`add the scopes of ${method} to this test`);
      scopes.forEach((scope) => needed.add(scope));
    }
    for (const event of manifest.settings.event_subscriptions.bot_events) (EVENT_SCOPES.get(event) ?? [`unknown event ${event}`]).forEach((s) => needed.add(s));
    if (manifest.features.slash_commands.length > 0) needed.add('commands');
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  it('subscribes to the bot events the Slack channel handles', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      [
        'app_home_opened',
        'app_mention',
        'message.im',
        'member_joined_channel',
        'member_left_channel',
        'channel_left',
        'group_left',
        'channel_archive',
        'group_archive',
        'channel_deleted',
        'group_deleted',
        'channel_rename',
        'group_rename',
      ].sort(),
    );
  });

  it('subscribes to an event for every Slack event the channel listens to', () => {
    const source = readFileSync(path.join(__dirname, '../../../src/channels/slack/listeners/channels.ts'), 'utf8');
    const listened = new Set([...source.matchAll(/'((?:member|channel|group)_[a-z_]+)'/g)].map((m) => m[1]));
    expect(listened.size).toBeGreaterThan(0);
    for (const event of listened) expect(manifest.settings.event_subscriptions.bot_events).toContain(event);
  });

  it('sends events, interactivity and the slash command to https …/slack/events', () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      expect(url.startsWith('https://')).toBe(true);
      expect(url.endsWith('/slack/events')).toBe(true);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('declares /nextstep with a description and usage hint', () => {
    expect(manifest.features.slash_commands).toHaveLength(1);
    const [command] = manifest.features.slash_commands;
    expect(command?.command).toBe('/nextstep');
    expect(command?.description.length).toBeGreaterThan(0);
    expect(command?.usage_hint?.length).toBeGreaterThan(0);
  });

  it('enables the messages tab and keeps the deployment switches off', () => {
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).not.toBe(true);
    expect(manifest.settings.org_deploy_enabled).toBe(false);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.token_rotation_enabled).toBe(false);
  });
});
