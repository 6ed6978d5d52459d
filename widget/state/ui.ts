// Panel visibility and the composer draft (kept here so closing the panel never loses it).
import { atom } from 'nanostores';

export const $open = atom(false);
export const $draft = atom('');

export function openPanel(): void {
  $open.set(true);
}

export function closePanel(): void {
  $open.set(false);
}

export function togglePanel(): void {
  if ($open.get()) closePanel();
  else openPanel();
}
