// While a node drains, requests that arrive on its sockets are not started: each goes unanswered, the socket is
// closed moments later, and the client resends it (same client id) on the node it reconnects to. So the writes
// already running are the last ones, and the wait for them ends.
import type { Namespace } from 'socket.io';

export interface DrainGate {
  /** From now on, new requests on every socket are dropped unanswered. */
  shut(): void;
}

export function drainGate(namespaces: Namespace[]): DrainGate {
  let shut = false;
  for (const namespace of namespaces) {
    namespace.on('connection', (socket) => {
      socket.use((_packet, next) => {
        if (!shut) next();
      });
    });
  }
  return {
    shut() {
      shut = true;
    },
  };
}
