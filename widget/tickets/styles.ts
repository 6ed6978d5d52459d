// Styles of the tickets view, added to the widget's shadow root when the view first loads. Builds on the
// widget's own styles (buttons, chips, messages); the same contrast and 44px touch rules.
export const ticketStyles = `
.tk-pane{flex:1;display:flex;flex-direction:column;min-height:0}
.tk-box{flex:1;display:flex;flex-direction:column;min-height:0}
.tk-screen{flex:1;display:flex;flex-direction:column;min-height:0;margin:0;padding:0;border:0;gap:0}
.tk-bar{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:6px 12px 6px 16px;border-bottom:1px solid #e3e7ee}
.tk-bar .back{margin:0}
h3{margin:0;font-size:16px;font-weight:600}
.tk-scroll{position:relative;flex:1;overflow-y:auto;padding:12px 16px;display:flex;flex-direction:column;gap:8px}
.tk-scroll>.status{margin:-12px -16px 0}
.tk-empty{color:#4b5466;font-size:14px}
.tk-list{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.tk-row{display:flex;flex-direction:column;gap:2px;width:100%;min-height:44px;padding:10px 12px;border:1px solid #d5dae3;border-radius:12px;background:#fff;color:inherit;text-align:left}
.tk-row:hover{border-color:#1a56b8}
.tk-row-top{display:flex;flex-wrap:wrap;align-items:center;gap:6px}
.tk-num{font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:700}
.tk-subject{font-weight:600;overflow-wrap:anywhere}
.tk-meta,.tk-time{color:#4b5466;font-size:13px}
.tk-tag{padding:0 8px;border-radius:10px;background:#eef1f6;color:#4b5466;font-size:12px;font-weight:600}
.tk-tag--pending{background:#fdf0d5;color:#7a4f00}
.tk-tag--resolved,.tk-tag--closed{background:#e1f3e9;color:#1f6b45}
.tk-new{padding:0 8px;border-radius:10px;background:#c62828;color:#fff;font-size:12px;font-weight:700}
.tk-head{display:flex;flex-direction:column;gap:6px}
.tk-facts{display:grid;grid-template-columns:auto 1fr;gap:2px 12px;margin:0;font-size:14px}
.tk-facts dt{color:#4b5466}
.tk-facts dd{margin:0;font-weight:600}
.tk-urgent{display:flex;flex-direction:column;gap:6px;padding:10px 12px;border:2px solid #c62828;border-radius:12px;background:#fdecea}
.tk-urgent p{margin:0}
.tk-phone{font-size:18px;font-weight:700;color:#a3221b}
.tk-history{display:flex;flex-direction:column;gap:8px;padding:4px 0}
.tk-history .system{font-size:12px}
.tk-files{list-style:none;margin:4px 0;padding:0;display:flex;flex-direction:column;gap:6px}
.tk-files li{display:flex;flex-wrap:wrap;align-items:center;gap:6px;overflow-wrap:anywhere}
.tk-files progress{flex:1;min-width:80px;height:10px}
.tk-file-name{font-weight:500}
.tk-link{min-height:44px;padding:0 4px;border:0;background:none;color:#1a56b8;font-weight:600;text-decoration:underline;cursor:pointer;display:inline-flex;align-items:center}
.tk-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.tk-error{margin:0;color:#a3221b;font-size:13px;font-weight:600}
.tk-form{display:flex;flex-direction:column;align-items:stretch}
.tk-form label:not(.chip):not(.tk-check):not(.tk-link){font-size:14px;font-weight:600;margin-top:4px}
.tk-form input:not([type=radio]):not([type=checkbox]),.tk-form select{min-height:44px;padding:8px 12px;border:1px solid #6b7487;border-radius:10px;background:#fff;color:inherit;font:inherit;font-size:16px}
.tk-form textarea{flex:none;max-height:200px}
.tk-choices{padding:8px 0 0}
.tk-legend{margin:6px 0 0;font-size:14px;font-weight:600}
.tk-priority{margin:0;padding:8px 12px;border-radius:10px;background:#e8effb;font-size:14px}
.tk-check{display:flex;align-items:center;gap:8px;min-height:44px;font-weight:600}
.tk-check input{width:20px;height:20px}
.tk-env{border:1px solid #e3e7ee;border-radius:10px;padding:8px 12px;font-size:13px}
.tk-env summary{min-height:32px;font-weight:600;cursor:pointer}
.tk-env dl{margin:4px 0 0}
.tk-env div{display:grid;grid-template-columns:110px 1fr;gap:8px;padding:2px 0}
.tk-env dt{color:#4b5466}
.tk-env dd{margin:0;overflow-wrap:anywhere}
.tk-submit{display:flex;flex-wrap:wrap;align-items:center;gap:6px;padding:12px 16px;border-top:1px solid #e3e7ee}
.tk-submit p{flex-basis:100%}
.tk-callback{padding:0;border:0}
.tk-reply{flex-direction:column;align-items:stretch}
.tk-reply-row{display:flex;align-items:flex-end;gap:8px}
`;
