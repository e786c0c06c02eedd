import type { AppConfig } from '../config';
import { CatalogueProvider } from '../core/careerMap/catalogueProvider';
import { OutboxSender } from '../delivery/outboxSender';
import { WorkspaceRateLimits } from '../delivery/rateLimits';
import type { ChannelTransport } from '../delivery/types';
import type { Logger } from '../logging/logger';
import type { Repositories } from '../store';
import { composeNudgeView } from './nudges/composeNudgeView';
import type { NudgePassDeps } from './nudges/runNudgePass';

export interface NudgeJobParts extends NudgePassDeps {
  limits: WorkspaceRateLimits;
}

/** Everything a nudge pass needs, built from configuration (shared by the schedule and the CLI). */
export function buildNudgeJob(
  config: AppConfig,
  repos: Repositories,
  transports: readonly ChannelTransport[],
  logger: Logger,
  overrides: { sender?: Partial<ConstructorParameters<typeof OutboxSender>[0]> } = {},
): NudgeJobParts {
  const limits = new WorkspaceRateLimits({ teamsPerSecond: config.delivery.teamsPerSecond, slackPerSecond: config.delivery.slackPerSecond });
  const sender = new OutboxSender({
    outbox: repos.outbox,
    transports,
    limits,
    compose: composeNudgeView,
    logger: logger.child({ component: 'outbox' }),
    leaseMs: config.delivery.leaseMs,
    maxAttempts: config.delivery.maxAttempts,
    ...overrides.sender,
  });
  return {
    repos,
    catalogues: new CatalogueProvider(repos.careerMaps, repos.opportunities),
    settings: {
      timezone: config.timezone,
      staffOffsetsDays: config.nudges.offsetsDays,
      managerOffsetsDays: config.nudges.managerOffsetsDays,
      defaultCpdEntitlementDays: config.cpdEntitlementDays,
    },
    sender,
    limits,
    logger,
    leaseMs: config.delivery.leaseMs,
  };
}
