import type { ActionHandlers, IntentHandlers } from '../handler';
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
import { markInterest, removeFromPlan, saveFromText, saveToPlan, setPlanStatus, showPlan } from './plan';

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
  deleteMyData: askToDelete,
  greeting: greet,
  thanks: thank,
  stopReminders: nudges.stopReminders,
  startReminders: nudges.startReminders,
  myTeam: nudges.showMyTeam,
};

export const actionHandlers: ActionHandlers = {
  runIntent: (ctx, s, a) => intentHandlers[a.intent](ctx, s, { text: '', intent: a.intent, score: 1, entities: {} }),
  showOpportunity: (ctx, s, a) => showOpportunity(ctx, s, a.opportunityId),
  saveOpportunity: (ctx, s, a) => saveToPlan(ctx, s, a.opportunityId),
  markInterest: (ctx, s, a) => markInterest(ctx, s, a.opportunityId),
  setPlanStatus: (ctx, s, a) => setPlanStatus(ctx, s, a.opportunityId, a.status),
  removeFromPlan: (ctx, s, a) => removeFromPlan(ctx, s, a.opportunityId),
  whatNextPage: (ctx, s, a) => showWhatNext(ctx, s, a.page),
  browsePage: (ctx, s, { action: _action, page, ...query }) => showBrowse(ctx, s, query, page),
  startOnboarding: (ctx, s) => showOnboarding(ctx, s),
  submitOnboarding,
  openLogCpd: (ctx, s) => showLogCpdForm(ctx, s),
  logCpd: logCpdFromForm,
  confirmDeleteData: deleteMyData,
  cancelDeleteData: cancelDelete,
  addToAgenda: nudges.addToAgenda,
  snoozeNudge: nudges.snoozeNudge,
  markDiscussionHeld: nudges.markDiscussionHeld,
  rescheduleDiscussion: nudges.rescheduleDiscussion,
  setNextDiscussion: nudges.setNextDiscussion,
  snoozeReminder: nudges.snoozeReminder,
};
