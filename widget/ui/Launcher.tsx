// The round button that opens and closes the chat, with the unread badge.
import { useStore } from '@nanostores/preact';
import type { Ref } from 'preact';
import { $locale } from '../i18n/locale';
import { launcherTexts } from '../i18n/messages';
import { $badge } from '../state/badge';
import { $open, togglePanel } from '../state/ui';
import { CHAT, CROSS, Icon } from './Icon';
import { preparePanel } from './panel-ready';

export function Launcher({ buttonRef }: { buttonRef: Ref<HTMLButtonElement> }) {
  const open = useStore($open);
  const unread = useStore($badge);
  const t = launcherTexts[useStore($locale)];
  const label = open ? t.close : unread ? t.openUnread.replace('{count}', String(unread)) : t.open;
  return (
    <button
      ref={buttonRef}
      type="button"
      class="launcher"
      aria-label={label}
      aria-expanded={open}
      onClick={togglePanel}
      onPointerEnter={preparePanel}
      onFocus={preparePanel}
    >
      <Icon path={open ? CROSS : CHAT} />
      {!open && unread > 0 && (
        <span class="badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </button>
  );
}
