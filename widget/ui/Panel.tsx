// The chat window: header, status, messages, who is typing, and the composer.
import { useStore } from '@nanostores/preact';
import { panelText } from '../i18n/messages';
import { $agentTyping } from '../state/agent-typing';
import { $ticketsRoute } from '../state/tickets';
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
  const t = useStore(panelText);
  return (
    <section
      class="panel"
      role="dialog"
      aria-label={t.title}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onHide();
      }}
    >
      <header>
        <h2>{t.title}</h2>
        <button type="button" class="icon" aria-label={t.minimize} onClick={onHide}>
          <Icon path={CHEVRON_DOWN} />
        </button>
      </header>
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
            <UrgencyChoice />
            <ArticleMatches />
            <SlowDownNotice />
            <Composer />
          </HelpGate>
        </>
      )}
    </section>
  );
}
