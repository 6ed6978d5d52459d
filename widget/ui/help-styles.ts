// Styles of the help-article pieces that ship in the start-up bundle (the reader's own typography loads with it).
export const helpStyles = `
.articles{display:flex;flex-direction:column;padding:4px 16px 8px;border-top:1px solid #e3e7ee}
.articles p{margin:6px 0 2px;color:#4b5466;font-size:13px;font-weight:600}
.articles a{display:flex;align-items:center;min-height:44px;color:#1a56b8;font-weight:500}
.reader{flex:1;display:flex;flex-direction:column;min-height:0}
.back{align-self:flex-start;min-height:44px;margin:4px 8px 0;border:0;background:none;color:#1a56b8;font-weight:600}
.answer{display:flex;flex-wrap:wrap;gap:8px;padding:12px;border-top:1px solid #e3e7ee}
.answer p{flex-basis:100%;margin:0;font-weight:600}
.answer .retry{margin:0;border-color:#1a56b8;color:#1a56b8}
.msg a{color:inherit}
`;
