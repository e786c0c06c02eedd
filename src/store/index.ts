import type { Db } from 'mongodb';
import { collections, ensureIndexes } from './collections';
import { AdminRoleRepository } from './repositories/adminRoles';
import { AuditLog } from './repositories/audit';
import { CareerMapRepository } from './repositories/careerMaps';
import { ConversationReferenceRepository } from './repositories/conversationReferences';
import { CpdRepository } from './repositories/cpd';
import { migrateLegacyShapes } from './repositories/legacyShapes';
import { OpportunityRepository } from './repositories/opportunities';
import { OrganisationRepository } from './repositories/organisations';
import { PlanRepository } from './repositories/plans';
import { StaffRepository } from './repositories/staff';
import { StateStore } from './repositories/stateStore';
import { DirectoryReader } from './repositories/directory';
import { LeaseRepository } from './repositories/leases';
import { NudgePreferencesRepository } from './repositories/nudgePreferences';
import { OutboxRepository } from './repositories/outbox';
import { ActionClaimRepository } from './repositories/actionClaims';
import { ConfirmationRepository } from './repositories/confirmations';
import { PersonalDataRepository } from './personalData/personalDataRepository';
import { BroadcastRepository } from './repositories/broadcasts';
import { BroadcastChannelRepository } from './repositories/broadcastChannels';
import { DirectoryUploadRepository } from './repositories/directoryUploads';

export interface Repositories {
  organisations: OrganisationRepository;
  staff: StaffRepository;
  careerMaps: CareerMapRepository;
  opportunities: OpportunityRepository;
  plans: PlanRepository;
  cpd: CpdRepository;
  references: ConversationReferenceRepository;
  state: StateStore;
  audit: AuditLog;
  adminRoles: AdminRoleRepository;
  outbox: OutboxRepository;
  leases: LeaseRepository;
  nudgePreferences: NudgePreferencesRepository;
  directory: DirectoryReader;
  claims: ActionClaimRepository;
  confirmations: ConfirmationRepository;
  personalData: PersonalDataRepository;
  broadcasts: BroadcastRepository;
  broadcastChannels: BroadcastChannelRepository;
  directoryUploads: DirectoryUploadRepository;
}

/** Every repository over one database, with indexes in place. */
export async function openRepositories(db: Db): Promise<Repositories> {
  const c = collections(db);
  await ensureIndexes(c);
  await migrateLegacyShapes(c);
  return {
    organisations: new OrganisationRepository(c),
    staff: new StaffRepository(c),
    careerMaps: new CareerMapRepository(c),
    opportunities: new OpportunityRepository(c),
    plans: new PlanRepository(c),
    cpd: new CpdRepository(c),
    references: new ConversationReferenceRepository(c),
    state: new StateStore(c),
    audit: new AuditLog(c),
    adminRoles: new AdminRoleRepository(c),
    outbox: new OutboxRepository(c),
    leases: new LeaseRepository(c),
    nudgePreferences: new NudgePreferencesRepository(c),
    directory: new DirectoryReader(c),
    claims: new ActionClaimRepository(c),
    confirmations: new ConfirmationRepository(c),
    personalData: new PersonalDataRepository(c),
    broadcasts: new BroadcastRepository(c),
    broadcastChannels: new BroadcastChannelRepository(c),
    directoryUploads: new DirectoryUploadRepository(c),
  };
}
