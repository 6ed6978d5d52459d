// Build plugin: engine.io-client's table of transports without WebTransport. The widget asks for WebSocket and
// long-polling only (transport/socket.ts) and the server offers no WebTransport, yet the table names all three,
// so the unused one (about 0.5 KB gzip) would ride in the start-up bundle.
import type { Plugin } from 'vite';

const TABLE = /[\\/]engine\.io-client[\\/]build[\\/]esm[\\/]transports[\\/]index\.js$/;

export const noWebTransport = (): Plugin => ({
  name: 'classroom-support:no-webtransport',
  load(id) {
    if (!TABLE.test(id)) return null;
    return 'import { XHR } from "./polling-xhr.node.js";\nimport { WS } from "./websocket.node.js";\nexport const transports = { websocket: WS, polling: XHR };\n';
  },
});
