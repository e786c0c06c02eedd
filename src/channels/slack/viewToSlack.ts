export { viewToSlack, type SlackMessage } from './blocks';
