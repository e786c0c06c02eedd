import type { ConversationContext } from '../context';
import { formatDate } from '../presenters/dates';
import type { CoreServices } from '../services';
import type { MyDataView } from '../views';
import { PLAN_STATUS_LABELS } from '../../plan/planStatus';

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
  ];
  await ctx.reply({ type: 'myData', sections });
}

export async function askToDelete(ctx: ConversationContext): Promise<void> {
  await ctx.reply({ type: 'confirmDelete' });
}

/** Removes the person's profile, plan, CPD log and conversation references. */
export async function deleteMyData(ctx: ConversationContext, services: CoreServices): Promise<void> {
  const email = ctx.staff?.email ?? ctx.speaker.email;
  if (email) {
    await Promise.all([
      services.staff.delete(ctx.org.id, email),
      services.plans.deleteAllFor(ctx.org.id, email),
      services.cpd.deleteAllFor(ctx.org.id, email),
      services.references.deleteByEmail(ctx.org.id, email),
    ]);
    await services.audit.record(ctx.org.id, 'system', 'person.deleted', {});
  }
  ctx.staff = null;
  ctx.memory = {};
  ctx.forgotten = true;
  await ctx.reply(
    {
      type: 'text',
      text:
        "Done. I've deleted your profile, plan and CPD log, and I've forgotten you. If your organisation's staff directory lists you, an administrator's next import will add your basic details back.",
    },
    { replaceCard: true },
  );
}

export async function cancelDelete(ctx: ConversationContext): Promise<void> {
  await ctx.reply({ type: 'text', text: 'Nothing has been deleted.' }, { replaceCard: true });
}
