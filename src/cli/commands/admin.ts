import type { Command } from 'commander';
import { listAdmins, type AdminPolicyDeps } from '../../core/admin/policy';
import { grantAdmin, revokeAdmin } from '../../core/admin/roleChanges';
import type { CliSession } from '../session';
import { CliFailure, printJson, printLine } from '../output';
import { withSession } from '../session';
import { requireOrganisation } from './orgCareerMap';
import { formatOption, printTable, type OutputFormat } from './table';

/** Operators act as "cli" in the audit log: the command line has no signed-in person. */
const CLI_ACTOR = 'cli';

function policyOf({ repos, config }: CliSession): AdminPolicyDeps {
  return { roles: repos.adminRoles, audit: repos.audit, adminEmails: config.adminEmails };
}

async function changeRole(verb: 'grant' | 'revoke', email: string, orgId: string): Promise<void> {
  await withSession(async (session) => {
    await requireOrganisation(session.repos, orgId);
    const org = await session.repos.organisations.get(orgId);
    const change = { orgId, orgName: org?.name ?? orgId, email, actor: CLI_ACTOR, now: new Date() };
    const result = await (verb === 'grant' ? grantAdmin : revokeAdmin)(policyOf(session), change);
    if (!result.ok) throw new CliFailure([result.message]);
    printLine(result.message);
  });
}

export function registerAdminCommands(program: Command): void {
  const admin = program
    .command('admin')
    .description('Who may administer NextStep in an organisation (ADMIN_EMAILS bootstraps; these manage the rest)');

  for (const verb of ['grant', 'revoke'] as const) {
    admin
      .command(verb)
      .argument('<email>', 'work email of the person')
      .option('--org <id>', 'organisation id', 'default')
      .description(verb === 'grant' ? 'Make someone an admin of the organisation' : "Remove someone's admin role (not the last admin, not ADMIN_EMAILS)")
      .action((email: string, options: { org: string }) => changeRole(verb, email, options.org));
  }

  admin
    .command('list')
    .option('--org <id>', 'organisation id', 'default')
    .addOption(formatOption())
    .description("List the organisation's admins and where their rights come from")
    .action(async (options: { org: string; format: OutputFormat }) => {
      await withSession(async (session) => {
        await requireOrganisation(session.repos, options.org);
        const admins = await listAdmins(policyOf(session), options.org);
        if (options.format === 'json') return printJson(admins);
        printTable(
          ['email', 'source', 'granted by', 'granted at'],
          admins.map((entry) => [entry.email, entry.source, entry.grantedBy ?? '', entry.grantedAt?.toISOString() ?? '']),
        );
      });
    });
}
