import { createHash } from 'node:crypto';

/** Who is being forgotten, and how to recognise them in stored text. */
export interface PersonTraces {
  orgId: string;
  email: string;
  name?: string;
  /** Platform user ids the person spoke from this turn (their memory and references). */
  channelUserIds: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A stable stand-in for a forgotten person: the same person always gets the same one. */
export function pseudonymFor(orgId: string, email: string): string {
  return `forgotten:${createHash('sha256').update(`${orgId}:${email.toLowerCase()}`).digest('hex').slice(0, 16)}`;
}

/** Finds and replaces a person's email and (full) name in any stored value. */
export class TraceMatcher {
  private readonly pattern: RegExp;
  readonly pseudonym: string;

  constructor(person: Pick<PersonTraces, 'orgId' | 'email' | 'name'>) {
    const parts = [escape(person.email)];
    // Very short names would match ordinary words; the email still identifies those records.
    if (person.name && person.name.trim().length >= 3) parts.push(escape(person.name.trim()));
    this.pattern = new RegExp(parts.join('|'), 'gi');
    this.pseudonym = pseudonymFor(person.orgId, person.email);
  }

  /** True when the value, serialised, mentions the person. */
  mentions(value: unknown): boolean {
    this.pattern.lastIndex = 0;
    const found = this.pattern.test(typeof value === 'string' ? value : JSON.stringify(value));
    this.pattern.lastIndex = 0;
    return found;
  }

  /** A copy with every mention replaced by the pseudonym; dates and other non-plain values are kept. */
  scrub<T>(value: T): T {
    if (typeof value === 'string') return value.replace(this.pattern, this.pseudonym) as T;
    if (Array.isArray(value)) return value.map((item: unknown) => this.scrub(item)) as T;
    if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const copy: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) copy[key] = this.scrub(inner);
      return copy as T;
    }
    return value;
  }
}
