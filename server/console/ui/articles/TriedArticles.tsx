// In the context panel: the help articles the user read and still needed help with before this chat.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { articleLink } from '../../article-api';
import { $triedArticles, loadTriedArticles } from '../../state/tried-articles';
import type { ChatActionProps } from '../chat-slot-props';
import { formatClock } from '../format';
import { texts } from '../../i18n/i18n';

const workspaceText = texts('workspace');

export function TriedArticles({ conversation }: ChatActionProps) {
  const tried = useStore($triedArticles)[conversation.id] ?? [];
  const t = useStore(workspaceText);
  useEffect(() => void loadTriedArticles(conversation.id), [conversation.id]);
  return (
    <section class="tried-articles" aria-label={t.triedArticles}>
      <h3>{t.triedArticles}</h3>
      {tried.length === 0 ? (
        <p class="muted small">{t.noneTried}</p>
      ) : (
        <ul>
          {tried.map((article) => (
            <li key={article.articleId}>
              <a class="article-text" href={articleLink(article)} target="_blank" rel="noopener noreferrer" lang={article.locale}>
                {article.title}
              </a>{' '}
              <span class="muted small">{t.stillNeeded({ time: formatClock(article.at) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
