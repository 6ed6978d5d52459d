// Group commit for store calls made by many requests at once (a connect storm's handshakes): DataLoader collects
// the calls while the previous batch runs, then hands them to one batch function — one query, one transaction.
import DataLoader from 'dataloader';

/** At most this many calls share one batch (one statement's parameters stay well inside every engine's limit). */
export const MAX_BATCH = 200;

/**
 * A loader whose batches run one at a time: calls that arrive while a batch runs wait for the next one, which
 * starts (after one turn of the event loop, so calls from the same burst of I/O join it) when the running one
 * ends. Nothing is cached: every call gets a batch that began after it was made, so it reads what was committed
 * before it asked. `run` answers one value or Error per key, in order, so one key's failure stays its own.
 */
export function groupBatches<K, V>(run: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>, maxBatch = MAX_BATCH): DataLoader<K, V> {
  let running: Promise<unknown> = Promise.resolve();
  return new DataLoader<K, V>(
    (keys) => {
      const batch = run(keys);
      running = batch.catch(() => undefined);
      return batch;
    },
    {
      cache: false,
      maxBatchSize: maxBatch,
      batchScheduleFn: (dispatch) => void running.then(() => setImmediate(dispatch)),
    },
  );
}
