// Line icons drawn with one SVG path each; decorative, since every button carries its own accessible name.
export const CHAT = 'M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z';
export const CROSS = 'M18 6 6 18M6 6l12 12';
export const CHEVRON_DOWN = 'm6 9 6 6 6-6';

export function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d={path} />
    </svg>
  );
}
