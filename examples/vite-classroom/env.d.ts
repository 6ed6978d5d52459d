// Set by vite.config.ts: the support server's origin while developing against another port; empty when built.
declare const __SUPPORT_SERVER__: string;
