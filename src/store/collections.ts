import type { Collection, Db } from 'mongodb';
import type {
  AdminRoleDoc,
  AuditDoc,
  BotStateDoc,
  CareerMapDoc,
  ConversationReferenceDoc,
  CpdEntryDoc,
  CpdLogDoc,
  OpportunityDoc,
  OrganisationDoc,
  PlanDoc,
  PlanItemDoc,
  StaffDoc,
} from './documents';
import type { OutboxRecord } from '../delivery/types';
import type { LeaseDoc } from './repositories/leases';
import type { NudgePreferencesDoc } from './repositories/nudgePreferences';
import type { OutboxClaimDoc } from './repositories/outbox';
import type { ActionClaimDoc } from './repositories/actionClaims';
import type { ConfirmationDoc } from './repositories/confirmations';
import type { BroadcastDoc } from './repositories/broadcasts';
import type { BroadcastChannelDoc } from './repositories/broadcastChannels';
import type { DirectoryUploadClaimDoc, DirectoryUploadDoc } from './repositories/directoryUploads';

export interface Collections {
  organisations: Collection<OrganisationDoc>;
  staff: Collection<StaffDoc>;
  careerMaps: Collection<CareerMapDoc>;
  opportunities: Collection<OpportunityDoc>;
  plans: Collection<PlanDoc>;
  cpdLogs: Collection<CpdLogDoc>;
  /** Earlier shapes, read only by the start-up migration. */
  planItems: Collection<PlanItemDoc>;
  cpdEntries: Collection<CpdEntryDoc>;
  conversationReferences: Collection<ConversationReferenceDoc>;
  botState: Collection<BotStateDoc>;
  botStateClaims: Collection<{ _id: string; at: Date }>;
  audit: Collection<AuditDoc>;
  adminRoles: Collection<AdminRoleDoc>;
  adminRoleLocks: Collection<{ _id: string; at: Date }>;
  outbox: Collection<OutboxRecord>;
  outboxClaims: Collection<OutboxClaimDoc>;
  leases: Collection<LeaseDoc>;
  nudgePreferences: Collection<NudgePreferencesDoc>;
  actionClaims: Collection<ActionClaimDoc>;
  confirmations: Collection<ConfirmationDoc>;
  broadcasts: Collection<BroadcastDoc>;
  broadcastChannels: Collection<BroadcastChannelDoc>;
  directoryUploads: Collection<DirectoryUploadDoc>;
  directoryUploadClaims: Collection<DirectoryUploadClaimDoc>;
}

export function collections(db: Db): Collections {
  return {
    organisations: db.collection<OrganisationDoc>('organisations'),
    staff: db.collection<StaffDoc>('staff'),
    careerMaps: db.collection<CareerMapDoc>('careerMaps'),
    opportunities: db.collection<OpportunityDoc>('opportunities'),
    plans: db.collection<PlanDoc>('plans'),
    cpdLogs: db.collection<CpdLogDoc>('cpdLogs'),
    planItems: db.collection<PlanItemDoc>('planItems'),
    cpdEntries: db.collection<CpdEntryDoc>('cpdEntries'),
    conversationReferences: db.collection<ConversationReferenceDoc>('conversationReferences'),
    botState: db.collection<BotStateDoc>('botState'),
    botStateClaims: db.collection<{ _id: string; at: Date }>('botStateClaims'),
    audit: db.collection<AuditDoc>('audit'),
    adminRoles: db.collection<AdminRoleDoc>('adminRoles'),
    adminRoleLocks: db.collection<{ _id: string; at: Date }>('adminRoleLocks'),
    outbox: db.collection<OutboxRecord>('outbox'),
    outboxClaims: db.collection<OutboxClaimDoc>('outboxClaims'),
    leases: db.collection<LeaseDoc>('leases'),
    nudgePreferences: db.collection<NudgePreferencesDoc>('nudgePreferences'),
    actionClaims: db.collection<ActionClaimDoc>('actionClaims'),
    confirmations: db.collection<ConfirmationDoc>('confirmations'),
    broadcasts: db.collection<BroadcastDoc>('broadcasts'),
    broadcastChannels: db.collection<BroadcastChannelDoc>('broadcastChannels'),
    directoryUploads: db.collection<DirectoryUploadDoc>('directoryUploads'),
    directoryUploadClaims: db.collection<DirectoryUploadClaimDoc>('directoryUploadClaims'),
  };
}

/** Creates every index the code relies on. Idempotent; run at startup. */
export async function ensureIndexes(c: Collections): Promise<void> {
  await Promise.all([
    c.organisations.createIndex({ teamsTenantIds: 1 }),
    c.organisations.createIndex({ slackTeamIds: 1 }),
    c.staff.createIndex({ orgId: 1, email: 1 }, { unique: true }),
    c.staff.createIndex({ orgId: 1, managerEmail: 1 }),
    c.staff.createIndex({ orgId: 1, pathway: 1, stage: 1 }),
    c.careerMaps.createIndex({ orgId: 1 }, { unique: true }),
    c.opportunities.createIndex({ orgId: 1, id: 1 }, { unique: true }),
    c.staff.createIndex({ orgId: 1, school: 1 }),
    c.conversationReferences.createIndex({ orgId: 1, email: 1 }),
    c.audit.createIndex({ orgId: 1, at: -1 }),
    c.outbox.createIndex({ state: 1, notBefore: 1 }),
    c.outbox.createIndex({ orgId: 1, purpose: 1, campaign: 1 }),
    c.leases.createIndex({ name: 1, epoch: -1 }),
    c.nudgePreferences.createIndex({ orgId: 1 }),
    c.actionClaims.createIndex({ orgId: 1, email: 1 }),
    c.confirmations.createIndex({ orgId: 1, email: 1 }),
    c.broadcasts.createIndex({ orgId: 1, createdAt: 1 }),
    c.broadcastChannels.createIndex({ orgId: 1, active: 1 }),
    c.directoryUploads.createIndex({ orgId: 1, createdAt: 1 }),
  ]);
}
