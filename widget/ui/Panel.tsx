// The chat window: header, status, messages, who is typing, and the composer.
import { useStore } from '@nanostores/preact';
import { panelText } from '../i18n/messages';
import { $agentTyping } from '../state/agent-typing';
import { $closedNow, $ticketsRoute } from '../state/tickets';
import { HelpGate } from './ArticleReader';
import { Composer } from './Composer';
import { ArticleMatches, HelpHome } from './HelpArticles';
import { CHEVRON_DOWN, Icon } from './Icon';
import { MessageList } from './MessageList';
import { SlowDownNotice } from './SlowDownNotice';
import { StatusLine } from './StatusLine';
import { TicketOffer, TicketsPane, TicketsTabs } from './TicketsPane';
import { UrgencyChoice } from './UrgencyChoice';

export function Panel({ onHide }: { onHide: () => void }) {
  const typing = useStore($agentTyping);
  const tickets = useStore($ticketsRoute);
  const closed = useStore($closedNow);
  const t = useStore(panelText);
  return (
    <section
      class="panel"
      role="dialog"
      aria-label={t.title}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onHide();
        // Tab cycles inside the panel (last control → first, Shift+Tab the other way) instead of leaving for the page.
        if (event.key !== 'Tab') return;
        const panel = event.currentTarget;
        const all = [...panel.querySelectorAll<HTMLButtonElement>('button,[href],input,textarea,select,[tabindex="0"]')].filter(
          (el) => !el.disabled && el.offsetParent,
        );
        const [first, last] = event.shiftKey ? [all.at(-1), all[0]] : [all[0], all.at(-1)];
        if (first && (panel.getRootNode() as ShadowRoot).activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
    >
      {/* Not <header>: inside a dialog (not a sectioning landmark) it would be a second banner beside the host page's. */}
      <div class="head">
        <h2>{t.title}</h2>
        <button type="button" class="icon" aria-label={t.minimize} onClick={onHide}>
          <Icon path={CHEVRON_DOWN} />
        </button>
      </div>
      <TicketsTabs />
      {tickets ? (
        <TicketsPane route={tickets} />
      ) : (
        <>
          <StatusLine />
          <TicketOffer />
          <HelpGate>
            <HelpHome />
            <MessageList />
            <p class="typing">{typing && t.typing({ name: typing })}</p>
            {/* Outside business hours a ticket, not the queue (TicketOffer says when people are back). */}
            {!closed && <UrgencyChoice />}
            <ArticleMatches />
            <SlowDownNotice />
            {!closed && <Composer />}
          </HelpGate>
        </>
      )}
    </section>
  );
}
