import type { AppConfig } from '../../config';
import { CatalogueProvider } from '../careerMap/catalogueProvider';
import type { AdminStores } from '../admin/ports';
import type { NudgeServices } from '../nudges/ports';
import type { BroadcastDesk } from '../broadcasts/ports';
import type { Recogniser } from '../nlu';
import type { AuditTrail, CatalogueSources, ConfirmationTokens, CpdLog, OnceOnlyClaims, PersonalDataStore, PlanStore, ReferenceStore, StaffDirectory } from '../ports';
import type { DirectoryImporter, DirectoryUploadStore } from '../uploads/ports';
import type { CoreServices, ProactiveSender } from './services';

/** The ports the conversation handlers use; `store/` repositories implement them. */
export interface CorePorts extends CatalogueSources {
  adminRoles: AdminStores['roles'];
  nudgePreferences: NudgeServices['preferences'];
  directory: NudgeServices['directory'];
  opportunities: CatalogueSources['opportunities'] & AdminStores['opportunities'];
  staff: StaffDirectory & DirectoryImporter;
  plans: PlanStore;
  cpd: CpdLog;
  references: ReferenceStore;
  audit: AuditTrail;
  claims: OnceOnlyClaims;
  confirmations: ConfirmationTokens;
  personalData: PersonalDataStore;
  directoryUploads: DirectoryUploadStore;
}

export function buildCoreServices(
  ports: CorePorts,
  config: Pick<AppConfig, 'timezone' | 'cpdEntitlementDays' | 'adminEmails' | 'teams'>,
  parts: { recogniser: Recogniser; sender: ProactiveSender; pageSize?: number; broadcasts?: BroadcastDesk },
): CoreServices {
  return {
    recogniser: parts.recogniser,
    catalogues: new CatalogueProvider(ports.careerMaps, ports.opportunities),
    staff: ports.staff,
    plans: ports.plans,
    cpd: ports.cpd,
    references: ports.references,
    audit: ports.audit,
    claims: ports.claims,
    confirmations: ports.confirmations,
    personalData: ports.personalData,
    admin: { roles: ports.adminRoles, opportunities: ports.opportunities },
    sender: parts.sender,
    nudges: { preferences: ports.nudgePreferences, directory: ports.directory },
    directoryImports: ports.staff,
    directoryUploads: ports.directoryUploads,
    ...(parts.broadcasts ? { broadcasts: parts.broadcasts } : {}),
    settings: {
      timezone: config.timezone,
      defaultCpdEntitlementDays: config.cpdEntitlementDays,
      adminEmails: config.adminEmails,
      pageSize: parts.pageSize ?? 6,
      allowSelfDeclaredEmail: config.teams.localMode,
    },
  };
}
