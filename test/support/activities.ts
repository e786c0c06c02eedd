let sequence = 0;

export interface ActivityOptions {
  serviceUrl: string;
  conversationId: string;
  userId: string;
  userName?: string;
  tenantId?: string;
  /** personal (default), channel or groupChat */
  conversationType?: string;
}

function base(options: ActivityOptions) {
  return {
    id: `act-${++sequence}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: options.userId, name: options.userName ?? 'Test Person' },
    recipient: { id: 'bot-id', name: 'NextStep' },
    conversation: { id: options.conversationId, conversationType: options.conversationType ?? 'personal', tenantId: options.tenantId ?? 'tenant-1' },
    channelData: { tenant: { id: options.tenantId ?? 'tenant-1' } },
  };
}

export function messageActivity(options: ActivityOptions, text: string) {
  return { ...base(options), type: 'message', text };
}

export function submitActivity(options: ActivityOptions, value: Record<string, unknown>) {
  return { ...base(options), type: 'message', value };
}

export function cardActionInvoke(options: ActivityOptions, data: Record<string, unknown>) {
  return {
    ...base(options),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: typeof data.action === 'string' ? data.action : '', data }, trigger: 'manual' },
  };
}

export function membersAddedActivity(options: ActivityOptions) {
  return { ...base(options), type: 'conversationUpdate', membersAdded: [{ id: options.userId }] };
}
