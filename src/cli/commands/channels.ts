import type { Command } from 'commander';
import { createSlackWebClient, syncSlackChannels } from '../../channels/slack/channelSync';
import { slackChannelRecorder } from '../../jobs/broadcasts/channelRecorder';
import { channelRef } from '../../store/repositories/broadcastChannels';
import { CliFailure, printJson, printLine } from '../output';
import { withSession } from '../session';
import { requireOrganisation } from './orgCareerMap';
import { formatOption, printTable, type OutputFormat } from './table';

interface ListOptions {
  org?: string;
  all?: boolean;
  format: OutputFormat;
}

export function registerChannelsCommands(program: Command): void {
  const channels = program.command('channels').description('Teams and Slack channels the bot is in, which broadcasts can be sent to (--channel REF)');

  channels
    .command('list')
    .option('--org <id>', 'only this organisation')
    .option('--all', 'include channels the bot has left')
    .addOption(formatOption())
    .description('Every channel the bot is in, with the ref to pass to "broadcast --channel"')
    .action(async (options: ListOptions) => {
      await withSession(async ({ repos }) => {
        if (options.org) await requireOrganisation(repos, options.org);
        const docs = await repos.broadcastChannels.list({ ...(options.org ? { orgId: options.org } : {}), includeInactive: Boolean(options.all) });
        const rows = docs.map((doc) => ({ org: doc.orgId, ref: channelRef(doc), name: doc.name, workspace: doc.workspaceId, active: doc.active }));
        if (options.format === 'json') {
          printJson(rows);
          return;
        }
        printTable(
          ['org', 'ref', 'name', 'workspace', ...(options.all ? ['active'] : [])],
          rows.map((row) => [row.org, row.ref, row.name, row.workspace, ...(options.all ? [row.active ? 'yes' : 'no'] : [])]),
        );
      });
    });

  channels
    .command('sync')
    .description('Record exactly the Slack channels the bot is a member of now (users.conversations); the running app also does this at start-up')
    .action(async () => {
      await withSession(async ({ config, repos, logger }) => {
        if (!config.slack) throw new CliFailure(['Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.']);
        const result = await syncSlackChannels(createSlackWebClient(config.slack), slackChannelRecorder(repos), logger.child({ command: 'channels sync' }));
        if (!result.synced) {
          throw new CliFailure([`No organisation owns Slack workspace ${result.teamId}: map it with "nextstep org add <org> --slack-team ${result.teamId}".`]);
        }
        const { orgId, teamId, recorded, deactivated } = result.outcome;
        await repos.audit.record(orgId, 'cli', 'channels.synced', { platform: 'slack', workspaceId: teamId, recorded, deactivated });
        printLine(`Slack workspace ${teamId} (${orgId}): ${recorded} channel${recorded === 1 ? '' : 's'} recorded, ${deactivated} the bot has left marked inactive.`);
      });
    });
}
