import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { ProactiveSender } from '../../core/conversation/services';
import type { View } from '../../core/conversation/views';
import type { Logger } from '../../logging/logger';
import type { ReferenceStore } from '../../core/ports';
import { viewToActivity } from './viewToActivity';

/** Sends views to people in Teams through their saved conversation references. */
export class TeamsProactiveSender implements ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly references: ReferenceStore,
    private readonly logger: Logger,
  ) {}

  async sendToPerson(orgId: string, email: string, view: View): Promise<boolean> {
    const refs = (await this.references.findByEmail(orgId, email)).filter((ref) => ref.channel === 'teams');
    let delivered = false;
    for (const ref of refs) {
      try {
        await this.adapter.continueConversationAsync(
          this.appId,
          ref.reference as Partial<ConversationReference>,
          async (context) => {
            await context.sendActivity(viewToActivity(view));
          },
        );
        delivered = true;
      } catch (error) {
        this.logger.warn({ err: error, orgId }, 'proactive Teams message failed');
      }
    }
    return delivered;
  }
}
