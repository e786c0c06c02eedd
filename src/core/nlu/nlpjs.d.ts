// Minimal typings for the parts of nlp.js (v4) used by the NLU module.

declare module '@nlpjs/core' {
  export interface Logger {
    debug(...args: unknown[]): void;
    info(...args: unknown[]): void;
    warn(...args: unknown[]): void;
    error(...args: unknown[]): void;
    log(...args: unknown[]): void;
    trace(...args: unknown[]): void;
    fatal(...args: unknown[]): void;
  }
  export interface Container {
    use(plugin: unknown): unknown;
    register(name: string, instance: unknown, isSingleton?: boolean): void;
    get(name: string): unknown;
  }
  export function containerBootstrap(): Container;
}

declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}

declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';

  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NluProcessOutput {
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }
  /** Internal per-text memo of prepared utterances (nlp.js clears it only once an hour). */
  export interface NluDomain {
    cache?: { results?: Record<string, unknown> };
  }
  export interface NluManager {
    process(locale: string, utterance: string): Promise<NluProcessOutput>;
    domainManagers?: Record<string, { domains?: Record<string, NluDomain> }>;
  }
  export interface NlpSettings {
    languages?: string[];
    autoLoad?: boolean;
    autoSave?: boolean;
    forceNER?: boolean;
    calculateSentiment?: boolean;
    threshold?: number;
    nlu?: Record<string, unknown>;
  }
  export class Nlp {
    constructor(settings?: NlpSettings, container?: Container);
    nluManager: NluManager;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
  }
}
