// "Slow down": shown while the server asks the widget to wait before sending more (`rate_limited`). Nothing
// typed is lost meanwhile: the outbox keeps it and sends it by itself once the wait is over.
import { atom } from 'nanostores';

/** True while a send waits out the server's retry-after. */
export const $slowDown = atom(false);

export function slowedDown(): void {
  $slowDown.set(true);
}

export function slowDownOver(): void {
  if ($slowDown.get()) $slowDown.set(false);
}
