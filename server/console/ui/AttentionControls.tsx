// In the top bar: the sound setting for new chats, and the keyboard shortcuts list.
import { useStore } from '@nanostores/preact';
import { $muted, setMuted } from '../state/alerts';
import { $shortcutsHelp } from '../state/shortcuts';
import { texts } from '../i18n/i18n';

const appText = texts('app');

export function AttentionControls() {
  const muted = useStore($muted);
  const t = useStore(appText);
  return (
    <>
      <button
        type="button"
        class="quiet icon-button"
        aria-label={t.muteSounds}
        aria-pressed={muted}
        title={muted ? t.soundsOff : t.soundsOn}
        onClick={() => setMuted(!muted)}
      >
        <BellIcon muted={muted} />
      </button>
      <button type="button" class="quiet icon-button" aria-label={t.shortcuts} title={t.shortcutsTitle} onClick={() => $shortcutsHelp.set(true)}>
        ?
      </button>
    </>
  );
}

function BellIcon({ muted }: { muted: boolean }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      {muted && <path d="M3 3l18 18" />}
    </svg>
  );
}
