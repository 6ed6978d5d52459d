// Lazily loaded module (notices.js): the shared notice renderer with its templates, for widgets that show a
// language other than English (the English words arrive in each message's text, so English costs nothing).
export { renderNotice } from '../shared/notices/render';
