// The panel's CSS, injected into the shadow root so nothing leaks into the host page and nothing leaks in; it loads
// with the panel (panel-styles.ts), the launcher's own is launcher-styles.ts.
// Colours keep 4.5:1 text contrast; every control is at least 44px tall for touch. The composer never
// scrolls out of view: panel parts keep their height, only the message log, the article list and the urgency
// choice give way (each scrolls), and the panel clips rather than scrolls (a focused composer cannot push the
// header out).
export const styles = `
.panel{position:absolute;z-index:1;right:0;bottom:72px;width:min(380px,calc(100vw - 32px));height:min(600px,calc(100vh - 104px));display:flex;flex-direction:column;background:#fff;border-radius:16px;box-shadow:0 12px 40px rgba(16,24,40,.3);overflow:clip}
@media (max-width:480px){.panel{position:fixed;inset:0;width:auto;height:auto;border-radius:0}}
@media (prefers-reduced-motion:no-preference){.panel{animation:rise .16s ease-out}}
@keyframes rise{from{opacity:0;transform:translateY(8px)}}
.head{display:flex;align-items:center;padding:6px 6px 6px 16px;background:#1a56b8;color:#fff}
h2{flex:1;margin:0;font-size:16px;font-weight:600}
.icon{width:44px;height:44px;border:0;border-radius:8px;background:none;color:inherit;display:grid;place-items:center}
.icon:hover{background:rgba(255,255,255,.15)}
.head :focus-visible{outline-color:#fff;outline-offset:-4px}
.status{margin:0;padding:8px 16px;border-bottom:1px solid #e3e7ee;background:#f4f6fa;color:#4b5466;font-size:13px}
.error{background:#fdecea;color:#a3221b}
.slow{margin:0;padding:6px 16px;background:#fff6e0;color:#6b4e00;font-size:13px}
.panel>*{flex-shrink:0}
.log{flex:1 1 0;min-height:40px;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:8px}
.panel>.articles{flex-shrink:1;min-height:56px;overflow-y:auto}
.panel>.urgency{flex-shrink:1;min-height:64px;overflow-y:auto}
.msg{max-width:85%;margin:0;padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}
.own{align-self:flex-end;background:#1a56b8;color:#fff;border-bottom-right-radius:4px}
.agent{align-self:flex-start;background:#eef1f6;border-bottom-left-radius:4px}
.system{align-self:center;max-width:90%;color:#4b5466;font-size:13px;text-align:center}
.who{display:block;color:#4b5466;font-size:12px;font-weight:600}
.meta{display:block;margin-top:2px;font-size:12px;text-align:right;opacity:.9}
.own.failed{background:#fdecea;color:#1d2433;box-shadow:inset 0 0 0 1px #a3221b}
.failed .meta{color:#a3221b;opacity:1;font-weight:600}
.retry{min-height:44px;margin-top:6px;padding:0 16px;border:1px solid #a3221b;border-radius:8px;background:#fff;color:#a3221b;font-weight:600}
.typing{min-height:20px;margin:0;padding:0 16px 4px;color:#4b5466;font-size:13px;font-style:italic}
.urgency{margin:0;padding:8px 12px 0;border:0;display:grid;grid-template-columns:1fr 1fr;gap:6px}
.urgency legend{padding:0 0 4px;font-size:13px;font-weight:600;color:#4b5466}
.chip{display:flex;align-items:center;min-height:44px;padding:6px 10px;border:1px solid #6b7487;border-radius:10px;font-size:13px;line-height:1.25;cursor:pointer}
.chip input{position:absolute;opacity:0;width:1px;height:1px}
.chip:has(:checked){border-color:#1a56b8;background:#e8effb;box-shadow:inset 0 0 0 1px #1a56b8;font-weight:600}
.chip:has(:focus-visible){outline:3px solid #0b3d91;outline-offset:2px}
form{display:flex;align-items:flex-end;gap:8px;padding:12px;border-top:1px solid #e3e7ee}
textarea{flex:1;min-height:44px;max-height:120px;field-sizing:content;resize:none;padding:10px 12px;border:1px solid #6b7487;border-radius:10px;background:#fff;color:inherit;font:inherit;font-size:16px}
textarea:focus-visible{outline-offset:0;border-color:#0b3d91}
textarea:disabled{background:#f4f6fa;cursor:not-allowed}
.send{min-width:64px;min-height:44px;padding:0 16px;border:0;border-radius:10px;background:#1a56b8;color:#fff;font-weight:600}
.send:hover{background:#144592}
.send:disabled{background:#d5dae3;color:#4b5466;cursor:default}
`;
