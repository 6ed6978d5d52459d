// Size limits shared by the widget (to refuse early) and the server (to enforce).
export const LIMITS = {
  messageText: 4000,
  contextValue: 500,
  contextExtraKeys: 30,
  name: 120,
  historyPage: 200,
  email: 254,
  password: 256,
} as const;
