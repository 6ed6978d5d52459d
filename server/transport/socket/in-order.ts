// Runs one socket's requests strictly in arrival order, so a client may send several messages without waiting.

/**
 * Socket.IO delivers one connection's events in order, but async handlers could still finish in any order;
 * queueing them keeps each sender's messages in the order they were sent.
 */
export function inArrivalOrder(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    // A failed request must not stop the ones queued behind it.
    tail = run.catch(() => undefined);
    return run;
  };
}
