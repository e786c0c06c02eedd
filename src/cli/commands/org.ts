import type { Command } from 'commander';
import { seedCareerMapIfEmpty } from '../../core/careerMap/seedOrganisation';
import { printJson, printLine } from '../output';
import { withSession } from '../session';

export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('Organisations (trusts) and the Teams tenants / Slack workspaces they own');

  org
    .command('add')
    .argument('<id>', 'organisation id, e.g. north-trust')
    .option('--name <name>', 'display name')
    .option('--teams-tenant <tenantId>', 'map a Microsoft 365 tenant id to this organisation')
    .option('--slack-team <teamId>', 'map a Slack workspace (team) id to this organisation')
    .description('Add an organisation, or add tenant/workspace mappings to an existing one')
    .action(async (id: string, options: { name?: string; teamsTenant?: string; slackTeam?: string }) => {
      await withSession(async ({ repos }) => {
        const saved = await repos.organisations.upsert({
          id,
          ...(options.name ? { name: options.name } : {}),
          ...(options.teamsTenant ? { teamsTenantId: options.teamsTenant } : {}),
          ...(options.slackTeam ? { slackTeamId: options.slackTeam } : {}),
        });
        const seeded = await seedCareerMapIfEmpty(repos, saved.id);
        await repos.audit.record(saved.id, 'cli', 'organisation.saved', { ...options });
        printLine(`Organisation "${saved.id}" saved${seeded ? ' with the default career map' : ''}.`);
      });
    });

  org
    .command('list')
    .description('List organisations and their mappings as JSON')
    .action(async () => {
      await withSession(async ({ repos }) => printJson(await repos.organisations.list()));
    });
}
