import type { AdminStores } from '../admin/ports';
import type { CatalogueProvider } from '../careerMap/catalogueProvider';
import type { NudgeServices } from '../nudges/ports';
import type { BroadcastDesk } from '../broadcasts/ports';
import type { Recogniser } from '../nlu';
import type { AuditTrail, ConfirmationTokens, CpdLog, OnceOnlyClaims, PersonalDataStore, PlanStore, ReferenceStore, StaffDirectory } from '../ports';
import type { DirectoryImporter, DirectoryUploadStore } from '../uploads/ports';
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
  staff: StaffDirectory;
  plans: PlanStore;
  cpd: CpdLog;
  references: ReferenceStore;
  audit: AuditTrail;
  /** Makes button presses take effect at most once (owner told of interest). */
  claims: OnceOnlyClaims;
  /** Tokens that confirmation cards carry, required by the destructive action they confirm. */
  confirmations: ConfirmationTokens;
  /** Erasure and listing of everything else held about a person ("delete my data", "my data"). */
  personalData: PersonalDataStore;
  /** Admin roles and single-opportunity editing (see core/admin). */
  admin: AdminStores;
  sender: ProactiveSender;
  settings: CoreSettings;
  nudges: NudgeServices;
  /** The staff directory import behind CSV files sent in chat. */
  directoryImports: DirectoryImporter;
  /** Staff files imported in chat, for their summary card's "deactivate" button. */
  directoryUploads: DirectoryUploadStore;
  /** Admin broadcasts and reach (absent where no outbox is wired, e.g. `nextstep next`). */
  broadcasts?: BroadcastDesk;
}
