import type { ConversationContext } from '../context';
import { formatDate } from '../presenters/dates';
import type { CoreServices } from '../services';
import type { MyDataView } from '../views';

const DELETE_PURPOSE = 'deleteData';
const AUDIT_SHOWN = 20;

/** Whose data a delete confirmation is for: the email when known, else the platform user. */
const subjectOf = (ctx: ConversationContext) => ctx.staff?.email ?? ctx.speaker.email ?? `${ctx.speaker.channel}:${ctx.speaker.channelUserId}`;
import { PLAN_STATUS_LABELS } from '../../plan/planStatus';
import { AUDIT_ACTIONS } from '../../admin/policy';

/** Everything NextStep holds about the speaker, in plain words. */
export async function showMyData(ctx: ConversationContext, services: CoreServices): Promise<void> {
  const staff = ctx.staff;
  if (!staff) {
    await ctx.reply({
      type: 'text',
      text: "I don't hold a profile for you. The only thing kept is a short note that we've chatted, so I don't welcome you twice.",
    });
    return;
  }
  const { catalogue } = await services.catalogues.get(ctx.org.id);
  const plan = await services.plans.list(ctx.org.id, staff.email);
  const cpd = await services.cpd.list(ctx.org.id, staff.email);
  const audit = await services.personalData.auditAbout(ctx.org.id, staff.email, staff.name, AUDIT_SHOWN);
  const sections: MyDataView['sections'] = [
    {
      title: 'Profile',
      facts: [
        { label: 'Name', value: staff.name },
        { label: 'Work email', value: staff.email },
        { label: 'Pathway', value: catalogue.pathway(staff.pathway)?.name ?? staff.pathway },
        { label: 'Stage', value: catalogue.stage(staff.pathway, staff.stage)?.name ?? staff.stage },
        { label: 'School', value: staff.school ?? 'Not recorded' },
        { label: 'Line manager', value: staff.managerEmail ?? 'Not recorded' },
        { label: 'Next careers discussion', value: staff.nextDiscussion ? formatDate(staff.nextDiscussion) : 'Not recorded' },
        { label: 'Where it came from', value: staff.source === 'directory' ? 'Your organisation’s staff directory' : 'You told me' },
      ],
    },
    {
      title: `Development plan (${plan.length})`,
      facts: plan.slice(0, 20).map((item) => ({
        label: catalogue.opportunity(item.opportunityId)?.title ?? item.opportunityId,
        value: PLAN_STATUS_LABELS[item.status],
      })),
    },
    {
      title: `CPD log (${cpd.length})`,
      facts: cpd.slice(0, 20).map((entry) => ({ label: entry.title, value: `${entry.days} day(s), ${formatDate(entry.date)}` })),
    },
    {
      title: `Activity record (${audit.total})`,
      facts: audit.entries.map((entry) => ({
        label: formatDate(entry.at.toISOString().slice(0, 10)),
        value: `${describeAuditAction(entry.action)}${entry.byThem ? '' : ' (by someone else)'}`,
      })),
    },
  ];
  await ctx.reply({ type: 'myData', sections });
}

/** Plain words for audit actions; unknown ones are shown as recorded. */
function describeAuditAction(action: string): string {
  const words = new Map<string, string>([
    ['opportunity.interest', 'You told an opportunity’s contact you were interested'],
    [AUDIT_ACTIONS.granted, 'Admin role granted'],
    [AUDIT_ACTIONS.revoked, 'Admin role removed'],
    [AUDIT_ACTIONS.refused, 'An admin action was refused'],
    [AUDIT_ACTIONS.opportunitySaved, 'Opportunity saved by an admin'],
  ]);
  return words.get(action) ?? action;
}

export async function askToDelete(ctx: ConversationContext, services: CoreServices): Promise<void> {
  const token = await services.confirmations.issue(ctx.org.id, subjectOf(ctx), DELETE_PURPOSE, ctx.now);
  await ctx.reply({ type: 'confirmDelete', token });
}

/**
 * Removes the person's profile, plan, CPD log and references, and deletes or pseudonymises every
 * other record that names them. Only with a live token from the confirmation card.
 */
export async function deleteMyData(ctx: ConversationContext, services: CoreServices, token: string | undefined): Promise<void> {
  const confirmed = token !== undefined && (await services.confirmations.consume(ctx.org.id, subjectOf(ctx), DELETE_PURPOSE, token, ctx.now));
  if (!confirmed) {
    ctx.log.warn({ orgId: ctx.org.id, hadToken: token !== undefined }, 'delete without a valid confirmation refused');
    await ctx.reply({
      type: 'text',
      text: 'Nothing has been deleted: that button has expired or was already used. If you still want me to forget you, say "delete my data" and confirm on the card I send.',
    });
    return;
  }
  const email = ctx.staff?.email ?? ctx.speaker.email;
  if (email) {
    const name = ctx.staff?.name ?? ctx.speaker.name;
    await Promise.all([
      services.staff.delete(ctx.org.id, email),
      services.plans.deleteAllFor(ctx.org.id, email),
      services.cpd.deleteAllFor(ctx.org.id, email),
      services.references.deleteByEmail(ctx.org.id, email),
    ]);
    const erased = await services.personalData.eraseTraces({
      orgId: ctx.org.id,
      email,
      ...(name ? { name } : {}),
      channelUserIds: [ctx.speaker.channelUserId],
    });
    await services.audit.record(ctx.org.id, 'system', 'person.deleted', {});
    ctx.log.info({ orgId: ctx.org.id, erased }, 'forgot a person');
  }
  ctx.staff = null;
  ctx.memory = {};
  ctx.forgotten = true;
  await ctx.reply(
    {
      type: 'text',
      text:
        "Done. I've deleted your profile, plan and CPD log, removed your name from the activity record, and forgotten you. If your organisation's staff directory lists you, an administrator's next import will add your basic details back.",
    },
    { replaceCard: true },
  );
}

export async function cancelDelete(ctx: ConversationContext): Promise<void> {
  await ctx.reply({ type: 'text', text: 'Nothing has been deleted.' }, { replaceCard: true });
}
