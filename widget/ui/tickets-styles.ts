// Styles of the ticket pieces in the start-up bundle: the Chat / Tickets switch and the ticket offer.
export const ticketsStyles = `
.tabs{display:flex;background:#f4f6fa;border-bottom:1px solid #e3e7ee}
.tabs button{flex:1;min-height:44px;border:0;border-bottom:3px solid transparent;background:none;color:#4b5466;font-weight:600}
.tabs [aria-current]{border-bottom-color:#1a56b8;color:#1d2433}
.count{margin-left:6px;padding:0 7px;border-radius:10px;background:#c62828;color:#fff;font-size:12px}
.offer{margin:0;padding:0 16px;border-bottom:1px solid #e3e7ee;font-size:13px;color:#4b5466}
.offer button{min-height:44px;padding:0;border:0;background:none;color:#1a56b8;font-weight:600;text-decoration:underline}
.offer.closed p{margin:8px 0}
`;
