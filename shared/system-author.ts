// The server's own name where it is the author (system messages in a chat, automatic ticket events). Stored and
// sent in English as a fallback only: clients know the author is the server by authorKind / actor kind 'system' and
// name it in their reader's language (the widget 「课堂支持」, the console 「课堂客服」), as they render notices.
export const SYSTEM_AUTHOR = 'Classroom Support';
