import { z } from 'zod';

/** A plan item moves forward through these, in order. */
export const PLAN_STATUSES = ['interested', 'discussed', 'agreed', 'booked', 'completed'] as const;
export const planStatusSchema = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof planStatusSchema>;

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
  interested: 'Interested',
  discussed: 'Discussed with line manager',
  agreed: 'Agreed',
  booked: 'Booked',
  completed: 'Completed',
};

export function nextPlanStatus(status: PlanStatus): PlanStatus | undefined {
  return PLAN_STATUSES[PLAN_STATUSES.indexOf(status) + 1];
}
