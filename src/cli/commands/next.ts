import type { Command } from 'commander';
import { buildCoreServices } from '../../core/conversation/buildServices';
import type { ConversationContext } from '../../core/conversation/context';
import { showWhatNext } from '../../core/conversation/handlers/opportunities';
import type { View } from '../../core/conversation/views';
import type { Recogniser } from '../../core/nlu';
import { CliFailure, printJson } from '../output';
import { withSession } from '../session';
import { requireOrganisation } from './orgCareerMap';

const noLanguageNeeded: Recogniser = {
  recognise: () => Promise.reject(new Error('the next command does not interpret text')),
};

export function registerNextCommand(program: Command): void {
  program
    .command('next')
    .requiredOption('--email <email>', "the person's work email")
    .option('--org <id>', 'organisation id', 'default')
    .description('Print, as JSON, the "what next" answer that person would be shown')
    .action(async (options: { email: string; org: string }) => {
      await withSession(async ({ repos, config, logger }) => {
        await requireOrganisation(repos, options.org);
        const org = await repos.organisations.get(options.org);
        const staff = await repos.staff.findByEmail(options.org, options.email);
        if (!org || !staff) throw new CliFailure([`--email: nobody with email "${options.email}" in organisation "${options.org}"`]);
        const views: View[] = [];
        const services = buildCoreServices(repos, config, {
          recogniser: noLanguageNeeded,
          sender: { sendToPerson: async () => false },
          pageSize: 1000,
        });
        const ctx: ConversationContext = {
          org,
          speaker: { channel: 'teams', channelUserId: 'cli', email: staff.email },
          staff,
          memory: {},
          now: new Date(),
          log: logger,
          reply: async (view) => {
            views.push(view);
          },
        };
        await showWhatNext(ctx, services, 0);
        printJson(views.length === 1 ? views[0] : views);
      });
    });
}
