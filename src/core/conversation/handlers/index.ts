import type { ActionHandler, ActionHandlers, IntentHandlers } from '../handler';
import type { ActionName } from '../actions';
import {
  editOpportunityFromCard,
  editOpportunityFromText,
  grantAdminFromText,
  revokeAdminFromCard,
  revokeAdminFromText,
  saveOpportunityForm,
  showAddOpportunityForm,
  showAdmins,
  showLatestOpportunities,
} from './admin';
import { logCpdFromForm, logCpdFromText, showCpdProgress, showLogCpdForm } from './cpd';
import { greet, showHelp, thank } from './general';
import { askToDelete, cancelDelete, deleteMyData, showMyData } from './privacy';
import { changeSchool, changeStage, showManager, showOnboarding, showProfile, submitOnboarding } from './profile';
import {
  answerWhatNext,
  browseQueryFrom,
  showBrowse,
  showOpportunity,
  showOpportunityFromText,
  showReadingList,
  showWhatNext,
} from './opportunities';
import * as nudges from './nudges';
import * as broadcasts from './broadcasts';
import { openBroadcastForm, previewBroadcastForm } from './broadcastForm';
import { markInterest, removeFromPlan, saveFromCard, saveFromText, setPlanStatus, showPlan } from './plan';
import { deactivateMissingFromCard } from '../../uploads/deactivateMissing';

export const intentHandlers: IntentHandlers = {
  whatNext: answerWhatNext,
  browse: (ctx, s, nlu) => showBrowse(ctx, s, browseQueryFrom(nlu), 0),
  opportunityDetails: showOpportunityFromText,
  myPlan: showPlan,
  saveOpportunity: saveFromText,
  logCpd: logCpdFromText,
  cpdProgress: (ctx, s) => showCpdProgress(ctx, s),
  readingList: showReadingList,
  setStage: changeStage,
  setSchool: changeSchool,
  myManager: showManager,
  myProfile: async (ctx, s) => {
    await showProfile(ctx, s);
    if (ctx.staff) await showOnboarding(ctx, s);
  },
  help: showHelp,
  myData: showMyData,
  deleteMyData: (ctx, s) => askToDelete(ctx, s),
  greeting: greet,
  thanks: thank,
  grantAdmin: grantAdminFromText,
  revokeAdmin: revokeAdminFromText,
  listAdmins: showAdmins,
  addOpportunity: showAddOpportunityForm,
  editOpportunity: editOpportunityFromText,
  latestOpportunities: showLatestOpportunities,
  stopReminders: nudges.stopReminders,
  startReminders: nudges.startReminders,
  myTeam: nudges.showMyTeam,
  broadcast: broadcasts.broadcastFromText,
  reachReport: broadcasts.showReachReport,
};

/** For a handler that does not say so itself: its first reply takes the place of the submitted form. */
function answersInPlace<N extends ActionName>(handler: ActionHandler<N>): ActionHandler<N> {
  return (ctx, services, action) => {
    let first = true;
    const reply = ctx.reply.bind(ctx);
    ctx.reply = (view, options) => {
      const replaceCard = first || options?.replaceCard;
      first = false;
      return reply(view, { ...options, replaceCard });
    };
    return handler(ctx, services, action);
  };
}

export const actionHandlers: ActionHandlers = {
  runIntent: (ctx, s, a) => intentHandlers[a.intent](ctx, s, { text: '', intent: a.intent, score: 1, entities: {} }),
  showOpportunity: (ctx, s, a) => showOpportunity(ctx, s, a.opportunityId),
  saveOpportunity: saveFromCard,
  markInterest: (ctx, s, a) => markInterest(ctx, s, a.opportunityId),
  setPlanStatus: (ctx, s, a) => setPlanStatus(ctx, s, a.opportunityId, a.status),
  removeFromPlan: (ctx, s, a) => removeFromPlan(ctx, s, a.opportunityId, a.token),
  whatNextPage: (ctx, s, a) => showWhatNext(ctx, s, a.page),
  browsePage: (ctx, s, { action: _action, page, ...query }) => showBrowse(ctx, s, query, page),
  startOnboarding: (ctx, s) => showOnboarding(ctx, s),
  submitOnboarding,
  openLogCpd: (ctx, s) => showLogCpdForm(ctx, s),
  logCpd: answersInPlace(logCpdFromForm),
  confirmDeleteData: (ctx, s, a) => deleteMyData(ctx, s, a.token),
  cancelDeleteData: cancelDelete,
  revokeAdmin: revokeAdminFromCard,
  openOpportunityForm: showAddOpportunityForm,
  editOpportunity: editOpportunityFromCard,
  saveOpportunityForm,
  addToAgenda: nudges.addToAgenda,
  snoozeNudge: nudges.snoozeNudge,
  markDiscussionHeld: nudges.markDiscussionHeld,
  rescheduleDiscussion: nudges.rescheduleDiscussion,
  setNextDiscussion: nudges.setNextDiscussion,
  snoozeReminder: nudges.snoozeReminder,
  confirmBroadcast: broadcasts.confirmBroadcast,
  dismissBroadcast: broadcasts.dismissBroadcast,
  broadcastStatus: broadcasts.broadcastStatus,
  cancelBroadcast: broadcasts.cancelBroadcast,
  openBroadcastForm,
  previewBroadcastForm,
  deactivateMissing: deactivateMissingFromCard,
};
