import type { CareerMap, Opportunity } from '../core/careerMap/schema';
import type { PlanStatus } from '../core/plan/planStatus';
import type { StaffMember } from '../core/staff/staffMember';

/**
 * Shapes of what is stored. Every document carries `orgId`, except bot state, whose keys are
 * already scoped by channel and conversation.
 */
export interface OrganisationDoc {
  _id: string;
  name: string;
  isDefault: boolean;
  teamsTenantIds: string[];
  slackTeamIds: string[];
  createdAt: Date;
}

export interface StaffDoc extends StaffMember {
  _id: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CareerMapDoc extends CareerMap {
  _id: string;
  orgId: string;
  updatedAt: Date;
}

export interface OpportunityDoc extends Opportunity {
  _id: string;
  orgId: string;
  /** Shipped with the default map (never badged "new") or imported by an admin. */
  origin?: 'default-map' | 'import';
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One person's development plan, keyed `${orgId}:${email}`, so reading it costs the same however many
 * people have plans. Items are keyed by opportunity id (a slug, so safe as a field name); the order
 * people see comes from `createdAt`.
 */
export interface PlanDoc {
  _id: string;
  orgId: string;
  email: string;
  items: Record<string, PlanItemFields>;
  updatedAt: Date;
}

export interface PlanItemFields {
  opportunityId: string;
  status: PlanStatus;
  history: { status: PlanStatus; at: Date }[];
  createdAt: Date;
  updatedAt: Date;
}

/** The earlier shape: one document per plan item. Read only to migrate it into `PlanDoc`. */
export interface PlanItemDoc {
  _id: string;
  orgId: string;
  email: string;
  opportunityId: string;
  status: PlanStatus;
  history: { status: PlanStatus; at: Date }[];
  createdAt: Date;
  updatedAt: Date;
}

/** One person's CPD log, keyed `${orgId}:${email}`: "my progress" is one read by `_id`. */
export interface CpdLogDoc {
  _id: string;
  orgId: string;
  email: string;
  entries: CpdLogEntry[];
  updatedAt: Date;
}

export interface CpdLogEntry {
  id: string;
  title: string;
  days: number;
  /** YYYY-MM-DD */
  date: string;
  opportunityId?: string;
  createdAt: Date;
}

/** The earlier shape: one document per CPD entry. Read only to migrate it into `CpdLogDoc`. */
export interface CpdEntryDoc {
  _id: string;
  orgId: string;
  email: string;
  title: string;
  days: number;
  date: string;
  opportunityId?: string;
  createdAt: Date;
}

export interface ConversationReferenceDoc {
  _id: string;
  orgId: string;
  channel: 'teams' | 'slack';
  channelUserId: string;
  email?: string;
  /** Serialised platform reference (Bot Framework ConversationReference or Slack channel id). */
  reference: string;
  updatedAt: Date;
}

export interface BotStateDoc {
  _id: string;
  /** JSON text: state objects may hold keys MongoDB-compatible stores reject (dots, `$`). */
  data: string;
  eTag: string;
  updatedAt: Date;
}

export interface AuditDoc {
  _id?: unknown;
  orgId: string;
  at: Date;
  actor: string;
  action: string;
  details: Record<string, unknown>;
}

/** An admin role granted in one organisation; `_id` is `${orgId}:${email}`. */
export interface AdminRoleDoc {
  _id: string;
  orgId: string;
  email: string;
  grantedBy: string;
  grantedAt: Date;
}
