import { readFileSync } from 'node:fs';
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
      [
        'app_mentions:read',
        'channels:read',
        'chat:write',
        'commands',
        'groups:read',
        'im:history',
        'im:read',
        'im:write',
        'users:read',
        'users:read.email',
      ].sort(),
    );
  });

  it('subscribes to the bot events the Slack channel handles', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(
      ['app_home_opened', 'app_mention', 'message.im'].sort(),
    );
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
    expect(manifest.features.app_home.messages_tab_read_only_enabled).not.toBe(true);
    expect(manifest.settings.org_deploy_enabled).toBe(false);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.token_rotation_enabled).toBe(false);
  });
});
