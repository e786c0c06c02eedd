import type { ConversationContext } from '../context';
import type { CoreServices } from '../services';
import { STARTER_SUGGESTIONS } from '../suggestions';

export async function showWelcome(ctx: ConversationContext, services: CoreServices): Promise<void> {
  let stageName: string | undefined;
  if (ctx.staff) {
    const { catalogue } = await services.catalogues.get(ctx.org.id);
    stageName = catalogue.stage(ctx.staff.pathway, ctx.staff.stage)?.name;
  }
  await ctx.reply({
    type: 'welcome',
    orgName: displayOrgName(ctx.org.name),
    known: Boolean(ctx.staff),
    ...(ctx.staff?.name ?? ctx.speaker.name ? { name: ctx.staff?.name ?? ctx.speaker.name } : {}),
    ...(stageName ? { stageName } : {}),
  });
  await showHelp(ctx);
}

/** The placeholder name a fresh install starts with is never shown: people read "your trust" instead. */
const PLACEHOLDER_ORG_NAMES = new Set(['our trust', 'default', '']);

export function displayOrgName(name: string): string {
  return PLACEHOLDER_ORG_NAMES.has(name.trim().toLowerCase()) ? 'your trust' : name;
}

export async function showHelp(ctx: ConversationContext): Promise<void> {
  await ctx.reply({ type: 'help', suggestions: STARTER_SUGGESTIONS });
}

export async function showClarification(ctx: ConversationContext, heard: string): Promise<void> {
  await ctx.reply({ type: 'clarify', heard: heard.slice(0, 200), suggestions: STARTER_SUGGESTIONS.slice(0, 6) });
}

export async function greet(ctx: ConversationContext): Promise<void> {
  const name = ctx.staff?.name ?? ctx.speaker.name;
  await ctx.reply({
    type: 'text',
    text: `Hello${name ? ` ${name.split(' ')[0]}` : ''}! Ask me what you can do next, or type "help" to see everything I can do.`,
  });
}

export async function thank(ctx: ConversationContext): Promise<void> {
  await ctx.reply({ type: 'text', text: "You're welcome. I'm here whenever you want to plan your next step." });
}
