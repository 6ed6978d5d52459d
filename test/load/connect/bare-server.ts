// The connect-storm benchmark's baseline: a bare Socket.IO server with our server's options and nothing else — no
// handshake check, no store. On connection it sends one small `session` event, as ours does, so both are timed
// to the same moment. Run as a child process: `node --import tsx test/load/connect/bare-server.ts PORT`.
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { VISITOR_NAMESPACE } from '../../../shared/protocol';

const port = Number(process.argv[2]);
const http = createServer((_req, res) => {
  res.writeHead(200).end('ok');
});
const io = new Server(http, {
  // The same options as server/app.ts, so only our own work differs.
  cors: { origin: true, credentials: false },
  maxHttpBufferSize: 64 * 1024,
  serveClient: false,
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  pingInterval: 10_000,
  pingTimeout: 10_000,
});
io.of(VISITOR_NAMESPACE).on('connection', (socket) => {
  socket.emit('session', { protocol: 1, user: { id: socket.id }, conversation: null });
});
http.listen(port, '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
process.once('SIGTERM', () => {
  io.close();
  process.exit(0);
});
