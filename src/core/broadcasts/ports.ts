/** What the conversation core asks of broadcasts; `jobs/broadcasts` implements it over the outbox. */

export interface BroadcastAsk {
  opportunityId: string;
  pathway?: string;
  stage?: string;
  school?: string;
  /** Channel refs (`teams:…` / `slack:…`); with no person filter, only these channels. */
  channels?: string[];
}

/** A channel the bot can post in, as the audience form lists it. */
export interface BroadcastChannelChoice {
  ref: string;
  platform: 'teams' | 'slack';
  name: string;
}

/** What the audience form offers beyond the career map: the directory's schools and the channels. */
export interface AudienceOptions {
  schools: string[];
  channels: BroadcastChannelChoice[];
}

export interface BroadcastPreviewFacts {
  opportunityId: string;
  opportunityTitle: string;
  recipients: number;
  unreachable: number;
  /** Names of the channels included. */
  channelNames: string[];
}

export interface BroadcastProgressFacts {
  id: string;
  title: string;
  status: 'queued' | 'sending' | 'done' | 'cancelled';
  recipients: number;
  sent: number;
  failed: number;
  unreachable: number;
  pending: number;
  cancelled: number;
}

export interface ReachFacts {
  since: string;
  broadcasts: number;
  reached: number;
  failed: number;
  unreachable: number;
  pending: number;
  saved: number;
  interested: number;
  notReached: number;
  months: number;
}

export type PreviewOutcome = { ok: true; preview: BroadcastPreviewFacts } | { ok: false; problems: string[] };

export interface BroadcastDesk {
  /** Schools in the active directory and the active channels, for the audience form. */
  audienceOptions(orgId: string): Promise<AudienceOptions>;
  preview(orgId: string, ask: BroadcastAsk): Promise<PreviewOutcome>;
  /** Queues the broadcast a preview stands for, once: a second call with the same preview id shows the first. */
  queue(orgId: string, ask: BroadcastAsk, createdBy: string, previewId: string): Promise<{ ok: true; progress: BroadcastProgressFacts } | { ok: false; problems: string[] }>;
  progress(orgId: string, id: string): Promise<BroadcastProgressFacts | null>;
  cancel(orgId: string, id: string, actor: string): Promise<BroadcastProgressFacts | null>;
  reach(orgId: string, since: Date, months: number): Promise<ReachFacts>;
}
