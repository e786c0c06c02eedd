interface KnownMember {
  email?: string;
  name?: string;
  at: number;
}

/**
 * Who a platform user is (work email, name). Looking it up costs a network call to the platform
 * (Bot Connector member lookup, Slack users.info) on every message otherwise; a person's email does
 * not change between messages, so remember it for a while.
 */
export class MemberCache {
  private readonly members = new Map<string, KnownMember>();

  constructor(
    private readonly ttlMs = 3_600_000,
    private readonly maxEntries = 50_000,
  ) {}

  get(key: string): KnownMember | undefined {
    const hit = this.members.get(key);
    if (!hit || Date.now() - hit.at > this.ttlMs) return undefined;
    return hit;
  }

  set(key: string, member: Omit<KnownMember, 'at'>): void {
    if (this.members.size >= this.maxEntries) this.members.clear();
    this.members.set(key, { ...member, at: Date.now() });
  }
}
