// The rating card's styles, inside its own shadow root (host CSS cannot reach in). Above the launcher, over the
// panel's composer when the panel is open: the chat has ended there, so nothing is hidden that is still needed.
export const STYLE = `.c{position:fixed;right:20px;bottom:88px;z-index:2147483001;width:320px;max-width:calc(100vw - 40px);box-sizing:border-box;padding:14px 16px;border-radius:12px;background:#fff;color:#1d2433;box-shadow:0 8px 28px rgba(16,24,40,.28);font:14px/1.4 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif}
.t{margin:0 0 4px;font-size:16px;font-weight:600}.s{margin:0 0 10px;color:#4a5568}
.r{display:flex;gap:6px;margin-bottom:10px}.r button{width:40px;height:40px;border:1px solid #cbd2dc;border-radius:8px;background:#fff;color:#b7c0cc;font-size:22px;line-height:1;cursor:pointer}
.r button.on{color:#d69e00;border-color:#d69e00;background:#fffaeb}
textarea{width:100%;box-sizing:border-box;border:1px solid #cbd2dc;border-radius:8px;padding:8px;font:inherit;resize:vertical}
.e{margin:6px 0 0;color:#b42318}.b{display:flex;justify-content:flex-end;gap:8px;margin-top:10px}
.b button{border-radius:6px;padding:7px 14px;font:inherit;cursor:pointer}.k{border:1px solid #cbd2dc;background:#fff;color:#1d2433}
.g{border:0;background:#1a56b8;color:#fff}.g:disabled{opacity:.6;cursor:default}
button:focus-visible,textarea:focus-visible{outline:3px solid #1a56b8;outline-offset:2px}`;
