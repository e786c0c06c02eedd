import { randomBytes } from 'node:crypto';
import { includesPeople } from '../../core/broadcasts/audience';
import { broadcastOpportunityView } from '../../core/broadcasts/presenters';
import type { DeliveryAddress, NewOutboxRecord } from '../../delivery/types';
import { ValidationError } from '../../errors';
import type { Repositories } from '../../store';
import type { BroadcastChannelDoc } from '../../store/repositories/broadcastChannels';
import { channelRef } from '../../store/repositories/broadcastChannels';
import type { BroadcastDoc } from '../../store/repositories/broadcasts';
import { broadcastKey } from '../../store/repositories/broadcasts';
import { addressBook } from '../nudges/addresses';
import type { BroadcastRequest } from './schema';

export type BroadcastRepos = Pick<Repositories, 'organisations' | 'opportunities' | 'broadcasts' | 'broadcastChannels' | 'directory' | 'outbox'>;

export interface BroadcastAudience {
  orgId: string;
  orgName: string;
  opportunityId: string;
  opportunityTitle: string;
  people: { email: string; address?: DeliveryAddress }[];
  channels: BroadcastChannelDoc[];
  /** People with no stored way to reach them (they have not used the bot yet). */
  unreachable: number;
  /** Everyone and everything a record will be written for: the count the admin confirms. */
  recipients: number;
}

export { includesPeople };

/** Works out exactly who a broadcast would reach; writes nothing. */
export async function previewBroadcast(repos: BroadcastRepos, orgId: string, request: BroadcastRequest): Promise<BroadcastAudience> {
  const [org, opportunity] = await Promise.all([repos.organisations.get(orgId), repos.opportunities.get(orgId, request.opportunityId)]);
  if (!org) throw new ValidationError([`organisation "${orgId}" does not exist`]);
  if (!opportunity) throw new ValidationError([`opportunity "${request.opportunityId}" does not exist in ${orgId}`]);

  const channels = await repos.broadcastChannels.byRefs(orgId, request.channels);
  const found = new Set(channels.filter((doc) => doc.active).map(channelRef));
  const missing = request.channels.filter((ref) => !found.has(ref));
  if (missing.length > 0) throw new ValidationError(missing.map((ref) => `channel "${ref}" is not one the bot has been added to`));

  let people: BroadcastAudience['people'] = [];
  if (includesPeople(request)) {
    const [staff, references] = await Promise.all([
      repos.broadcasts.audience(orgId, { pathway: request.pathway, stage: request.stage, school: request.school }),
      repos.directory.referencesOf(orgId),
    ]);
    const book = addressBook(references);
    people = staff.map(({ email }) => ({ email, address: book.get(email) }));
  }
  const activeChannels = channels.filter((doc) => doc.active);
  return {
    orgId,
    orgName: org.name,
    opportunityId: opportunity.opportunity.id,
    opportunityTitle: opportunity.opportunity.title,
    people,
    channels: activeChannels,
    unreachable: people.filter((person) => !person.address).length,
    recipients: people.length + activeChannels.length,
  };
}

export const newBroadcastId = () => `b-${randomBytes(5).toString('hex')}`;

export const broadcastRecordId = (orgId: string, broadcastId: string, recipientKey: string) => `${orgId}:broadcast:${broadcastId}:${recipientKey}`;

/**
 * Queues a previewed broadcast: its document, then one outbox record per recipient in unordered
 * bulk inserts. Record ids are deterministic, so queuing the same broadcast again adds nothing.
 */
export async function queueBroadcast(
  repos: BroadcastRepos,
  audience: BroadcastAudience,
  request: BroadcastRequest,
  createdBy: string,
  now = new Date(),
  id = newBroadcastId(),
): Promise<{ broadcast: BroadcastDoc; inserted: number }> {
  const opportunity = await repos.opportunities.get(audience.orgId, audience.opportunityId);
  if (!opportunity) throw new ValidationError([`opportunity "${audience.opportunityId}" no longer exists`]);
  const payload = JSON.stringify(broadcastOpportunityView(audience.orgName, opportunity.opportunity));
  const broadcast: BroadcastDoc = {
    _id: broadcastKey(audience.orgId, id),
    orgId: audience.orgId,
    id,
    opportunityId: audience.opportunityId,
    opportunityTitle: audience.opportunityTitle,
    filters: {
      ...(request.pathway ? { pathway: request.pathway } : {}),
      ...(request.stage ? { stage: request.stage } : {}),
      ...(request.school ? { school: request.school } : {}),
      ...(request.channels.length ? { channels: request.channels } : {}),
    },
    createdBy,
    createdAt: now,
    updatedAt: now,
    status: 'queued',
    counts: { recipients: audience.recipients, people: audience.people.length, channels: audience.channels.length, unreachable: audience.unreachable },
  };
  await repos.broadcasts.create(broadcast);

  const base = { orgId: audience.orgId, purpose: 'broadcast' as const, campaign: id, payload };
  const records: NewOutboxRecord[] = [
    ...audience.people.map((person): NewOutboxRecord => {
      const key = `person:${person.email}`;
      return {
        ...base,
        _id: broadcastRecordId(audience.orgId, id, key),
        key,
        recipientEmail: person.email,
        ...(person.address ? { address: person.address } : { state: 'unreachable', reason: 'has not used NextStep in Teams or Slack yet' }),
      };
    }),
    ...audience.channels.map((channel): NewOutboxRecord => {
      const key = `channel:${channelRef(channel)}`;
      const target = channel.platform === 'teams' ? channel.reference : channel.channelId;
      return { ...base, _id: broadcastRecordId(audience.orgId, id, key), key, address: { channel: channel.platform, workspaceId: channel.workspaceId, target } };
    }),
  ];
  const inserted = await repos.outbox.insertNew(records, now);
  return { broadcast, inserted };
}
