// A coarse "now" for waiting times: ticks only while something on screen listens to it.
import { atom, onMount } from 'nanostores';

const TICK_MS = 15_000;

export const $now = atom(Date.now());

onMount($now, () => {
  $now.set(Date.now());
  const timer = setInterval(() => $now.set(Date.now()), TICK_MS);
  return () => clearInterval(timer);
});
