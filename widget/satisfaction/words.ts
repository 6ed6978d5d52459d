// The rating card's words in both languages the widget speaks.
export const WORDS = {
  en: {
    title: 'How did we do?',
    chat: 'Rate this chat with support.',
    ticket: (number: string) => `Ticket ${number} is resolved. Rate how we handled it.`,
    score: (n: number) => `${n} of 5`,
    scores: 'Your rating, 1 (poor) to 5 (great)',
    comment: 'Comment (optional)',
    send: 'Send',
    sending: 'Sending…',
    skip: 'Skip',
    thanks: 'Thank you for your feedback!',
    failed: 'Could not send your rating. Please try again.',
    pick: 'Choose 1 to 5 first.',
  },
  'zh-CN': {
    title: '我们做得怎么样？',
    chat: '请为本次咨询评分。',
    ticket: (number: string) => `工单 ${number} 已解决，请为我们的处理评分。`,
    score: (n: number) => `${n} 分（满分 5 分）`,
    scores: '您的评分：1（差）到 5（很好）',
    comment: '评论（可选）',
    send: '提交',
    sending: '正在提交…',
    skip: '跳过',
    thanks: '感谢您的反馈！',
    failed: '评分未能提交，请重试。',
    pick: '请先选择 1 到 5 分。',
  },
};

export type Words = (typeof WORDS)['en'];
export const wordsFor = (locale: string): Words => (locale.toLowerCase().startsWith('zh') ? WORDS['zh-CN'] : WORDS.en);
