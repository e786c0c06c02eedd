import type { AuditLog } from '../../store/repositories/audit';
import type { ConversationReferenceRepository } from '../../store/repositories/conversationReferences';
import type { CpdRepository } from '../../store/repositories/cpd';
import type { PlanRepository } from '../../store/repositories/plans';
import type { StaffRepository } from '../../store/repositories/staff';
import type { CatalogueProvider } from '../careerMap/catalogueProvider';
import type { NudgeServices } from '../nudges/ports';
import type { Recogniser } from '../nlu';
import type { View } from './views';

/** Sends a view to a person outside a conversation turn (nudges, broadcasts, owner alerts). */
export interface ProactiveSender {
  /** Resolves false when the person has never talked to the bot, so there is nowhere to send. */
  sendToPerson(orgId: string, email: string, view: View): Promise<boolean>;
}

export interface CoreSettings {
  timezone: string;
  /** Used when an organisation's map does not say. */
  defaultCpdEntitlementDays: number;
  /** Admins named in configuration, for bootstrap. */
  adminEmails: readonly string[];
  pageSize: number;
  /**
   * Accept a work email typed into the profile form when the platform gave none. Only for
   * unauthenticated local mode (Emulator, Playground): in production the platform is the only
   * source of identity.
   */
  allowSelfDeclaredEmail: boolean;
}

/** What the conversation handlers need; built once in the composition root. */
export interface CoreServices {
  recogniser: Recogniser;
  catalogues: CatalogueProvider;
  staff: StaffRepository;
  plans: PlanRepository;
  cpd: CpdRepository;
  references: ConversationReferenceRepository;
  audit: AuditLog;
  sender: ProactiveSender;
  settings: CoreSettings;
  nudges: NudgeServices;
}
