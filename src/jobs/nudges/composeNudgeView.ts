import type { View } from '../../core/conversation/views';
import { managerReminder } from '../../core/nudges/content';
import type { AttentionBrief, ReportBrief } from '../../core/nudges/views';
import type { OutboxRecord } from '../../delivery/types';

/**
 * The view sent for a group of claimed records. A staff nudge is one record; everything a manager
 * hears about in one run (reports coming up, reports needing a date) is merged into one card.
 */
export function composeNudgeView(records: OutboxRecord[]): View {
  const [first] = records;
  if (!first) throw new Error('nothing to compose');
  if (first.purpose !== 'managerReminder' && first.purpose !== 'managerAttention') return JSON.parse(first.payload) as View;
  const reports: ReportBrief[] = [];
  const attention: AttentionBrief[] = [];
  for (const record of records) {
    if (record.purpose === 'managerReminder') reports.push(JSON.parse(record.payload) as ReportBrief);
    else if (record.purpose === 'managerAttention') attention.push(JSON.parse(record.payload) as AttentionBrief);
  }
  return managerReminder(reports, attention);
}
