// The CSS of what shows before the panel is ever opened: the host element, the launcher and its badge. The rest
// (styles.ts, help-styles.ts, tickets-styles.ts) is panel-styles.js, loaded with the panel's words (panel-ready.ts).
// Fonts are the system's, with the usual Chinese faces of each platform before the generic fallback; none is bundled.
export const launcherStyles = `
:host{all:initial;position:fixed;right:16px;bottom:16px;z-index:2147483000;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#1d2433}
*{box-sizing:border-box}
button{font:inherit;cursor:pointer}
:focus-visible{outline:3px solid #0b3d91;outline-offset:2px}
svg{width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.launcher{position:relative;width:56px;height:56px;border:0;border-radius:50%;background:#1a56b8;color:#fff;display:grid;place-items:center;box-shadow:0 4px 14px rgba(16,24,40,.3)}
.launcher:hover{background:#144592}
.launcher:focus-visible{box-shadow:0 0 0 8px #fff}
.badge{position:absolute;top:-4px;right:-4px;min-width:24px;height:24px;padding:0 6px;border:2px solid #fff;border-radius:12px;background:#c62828;font-size:12px;font-weight:700;line-height:20px}
`;
