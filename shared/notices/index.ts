// Notices: what support writes (system and routing messages, ticket events) as codes with parameters.
export {
  NoticeSchema,
  parseNotice,
  type ManagerNotice,
  type Notice,
  type NoticeCode,
  type NoticeOf,
  type TicketAlertNotice,
  type TicketAlertNoticeDraft,
} from './notice-schema';
export { NOTICE_LOCALES, noticeLocale, type NoticeLocale } from './locale';
export { renderNotice } from './render';
export type { NoticeFormat, NoticeTemplates } from './templates';
