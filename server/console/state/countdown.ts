// A "now" that ticks every second while a live countdown is on screen (ticket deadlines).
import { atom, onMount } from 'nanostores';

export const $second = atom(Date.now());

onMount($second, () => {
  $second.set(Date.now());
  const timer = setInterval(() => $second.set(Date.now()), 1000);
  return () => clearInterval(timer);
});
