// The floor for `npm run bench:delivery`: the least a durable chat relay can do with Socket.IO. It speaks just
// enough of our protocol for the same bots (session, conversation:start, message:send, history:fetch, inbox),
// makes each message durable with one SQLite insert (better-sqlite3, synchronous=FULL: an fsync per commit,
// on the main thread) before acking, and relays it to the one agent who has the chat. No identity checks,
// routing, read marks, rate limits, metrics or cluster: what is left is the cost of the network and the disk.
// Run as its own process: `tsx test/load/delivery/floor-relay.ts <port> <data dir>`.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Server, type Socket } from 'socket.io';

interface Message {
  id: string;
  conversationId: string;
  seq: number;
  clientId: string;
  authorKind: 'visitor' | 'agent';
  authorName: string;
  text: string;
  createdAt: number;
}
type Ack = (result: unknown) => void;

const [port = '0', dataDir = '.'] = process.argv.slice(2);
const db = new Database(join(dataDir, 'floor.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(
  'create table if not exists messages (id text primary key, conversation_id text, seq integer, client_id text unique, author_kind text, text text, created_at integer)',
);
const insert = db.prepare('insert into messages (id, conversation_id, seq, client_id, author_kind, text, created_at) values (?, ?, ?, ?, ?, ?, ?)');

const conversations = new Map<string, { messages: Message[]; agent: Socket | null; visitor: Socket }>();
const byClientId = new Map<string, Message>();
const agents: Socket[] = [];
let turn = 0;

function send(conversationId: string, clientId: string, text: string, authorKind: Message['authorKind'], ack: Ack): void {
  const chat = conversations.get(conversationId);
  if (!chat) return ack({ ok: false, error: { code: 'not_found', message: 'no such chat' } });
  const repeat = byClientId.get(clientId);
  if (repeat) return ack({ ok: true, data: repeat });
  const message: Message = {
    id: randomUUID(),
    conversationId,
    seq: chat.messages.length + 1,
    clientId,
    authorKind,
    authorName: authorKind,
    text,
    createdAt: Date.now(),
  };
  // Durable before the ack: one insert, committed with an fsync.
  insert.run(message.id, conversationId, message.seq, clientId, authorKind, text, message.createdAt);
  chat.messages.push(message);
  byClientId.set(clientId, message);
  ack({ ok: true, data: message });
  chat.agent?.emit('message:new', message);
  chat.visitor.emit('message:new', message);
}

const http = createServer();
const io = new Server(http, { cors: { origin: true }, serveClient: false, maxHttpBufferSize: 64 * 1024 });

io.of('/visitor').on('connection', (socket) => {
  socket.emit('session', { protocol: 1, user: { id: socket.id, name: 'visitor' }, visitorToken: randomUUID(), conversation: null });
  socket.on('conversation:start', (_payload: unknown, ack: Ack) => {
    const id = randomUUID();
    const agent = agents.length ? agents[turn++ % agents.length]! : null;
    conversations.set(id, { messages: [], agent, visitor: socket });
    ack({ ok: true, data: { id, status: 'active' } });
    agent?.emit('conversation:updated', { id, status: 'active', assignee: { id: agent.id } });
  });
  socket.on('message:send', (p: { conversationId: string; clientId: string; text: string }, ack: Ack) =>
    send(p.conversationId, p.clientId, p.text, 'visitor', ack),
  );
  socket.on('history:fetch', (p: { conversationId: string; afterSeq: number; limit: number }, ack: Ack) => {
    const messages = (conversations.get(p.conversationId)?.messages ?? []).filter((m) => m.seq > p.afterSeq).slice(0, p.limit);
    ack({ ok: true, data: { messages, hasMore: false } });
  });
});

io.of('/agent').on('connection', (socket) => {
  agents.push(socket);
  socket.emit('session', { protocol: 1, agent: { id: socket.id, name: 'agent' } });
  socket.on('presence:set', (_payload: unknown, ack: Ack) => ack({ ok: true, data: null }));
  socket.on('inbox:fetch', (ack: Ack) => ack({ ok: true, data: { queued: [], mine: [] } }));
  socket.on('message:send', (p: { conversationId: string; clientId: string; text: string }, ack: Ack) =>
    send(p.conversationId, p.clientId, p.text, 'agent', ack),
  );
  socket.on('history:fetch', (p: { conversationId: string; afterSeq: number; limit: number }, ack: Ack) => {
    const messages = (conversations.get(p.conversationId)?.messages ?? []).filter((m) => m.seq > p.afterSeq).slice(0, p.limit);
    ack({ ok: true, data: { messages, hasMore: false } });
  });
});

http.on('request', (req, res) => {
  if (req.url === '/healthz') res.writeHead(200).end('{"ok":true}');
});
http.listen(Number(port), '127.0.0.1');
process.on('SIGTERM', () => {
  void io.close();
  db.close();
  process.exit(0);
});
