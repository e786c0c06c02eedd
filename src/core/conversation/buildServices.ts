import type { AppConfig } from '../../config';
import type { Repositories } from '../../store';
import { CatalogueProvider } from '../careerMap/catalogueProvider';
import type { Recogniser } from '../nlu';
import type { CoreServices, ProactiveSender } from './services';

export function buildCoreServices(
  repos: Repositories,
  config: AppConfig,
  parts: { recogniser: Recogniser; sender: ProactiveSender; pageSize?: number },
): CoreServices {
  return {
    recogniser: parts.recogniser,
    catalogues: new CatalogueProvider(repos.careerMaps, repos.opportunities),
    staff: repos.staff,
    plans: repos.plans,
    cpd: repos.cpd,
    references: repos.references,
    audit: repos.audit,
    sender: parts.sender,
    nudges: { preferences: repos.nudgePreferences, directory: repos.directory },
    settings: {
      timezone: config.timezone,
      defaultCpdEntitlementDays: config.cpdEntitlementDays,
      adminEmails: config.adminEmails,
      pageSize: parts.pageSize ?? 6,
      allowSelfDeclaredEmail: config.teams.localMode,
    },
  };
}
