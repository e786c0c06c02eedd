import type { View, ViewType } from '../../../core/conversation/views';
import { adminListBlocks, latestOpportunitiesBlocks, opportunityFormBlocks } from './admin';
import { confirmDeleteBlocks, myDataBlocks, onboardingBlocks, profileBlocks } from './account';
import { cpdProgressBlocks, logCpdFormBlocks } from './cpd';
import type { KnownBlock } from './elements';
import { clarifyBlocks, helpBlocks, notSetUpBlocks, textBlocks, welcomeBlocks } from './general';
import { opportunityDetailBlocks, opportunityListBlocks, readingListBlocks, whatNextBlocks } from './opportunities';
import { discussionDateFormBlocks, managerReminderBlocks, staffNudgeBlocks, teamOverviewBlocks } from './nudges';
import { planBlocks } from './plan';
import { directoryUploadBlocks } from './directoryUpload';
import { broadcastFormBlocks, broadcastOpportunityBlocks, broadcastPreviewBlocks, broadcastProgressBlocks, reachSummaryBlocks } from './broadcasts';

type Renderers = { [T in ViewType]: (view: Extract<View, { type: T }>) => KnownBlock[] };

/** One presenter per view type: a new view type without one here is a compile error. */
const renderers: Renderers = {
  text: textBlocks,
  welcome: welcomeBlocks,
  help: helpBlocks,
  clarify: clarifyBlocks,
  notSetUp: notSetUpBlocks,
  onboarding: onboardingBlocks,
  whatNext: (view) => whatNextBlocks(view),
  opportunityList: opportunityListBlocks,
  opportunityDetail: opportunityDetailBlocks,
  plan: (view) => planBlocks(view),
  cpdProgress: cpdProgressBlocks,
  logCpdForm: logCpdFormBlocks,
  readingList: readingListBlocks,
  profile: profileBlocks,
  myData: myDataBlocks,
  confirmDelete: confirmDeleteBlocks,
  adminList: adminListBlocks,
  opportunityForm: opportunityFormBlocks,
  adminLatestOpportunities: latestOpportunitiesBlocks,
  nudgeStaff: staffNudgeBlocks,
  managerReminder: managerReminderBlocks,
  teamOverview: teamOverviewBlocks,
  discussionDateForm: discussionDateFormBlocks,
  directoryUpload: directoryUploadBlocks,
  broadcastOpportunity: broadcastOpportunityBlocks,
  broadcastForm: broadcastFormBlocks,
  broadcastPreview: broadcastPreviewBlocks,
  broadcastProgress: broadcastProgressBlocks,
  reachSummary: reachSummaryBlocks,
};

export function renderBlocks(view: View): KnownBlock[] {
  const render = renderers[view.type] as (v: View) => KnownBlock[];
  return render(view);
}
