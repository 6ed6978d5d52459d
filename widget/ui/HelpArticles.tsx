// Help articles in the panel: suggestions on the home screen, matches above the send button while the visitor
// types, and what will be attached for the agent after "I still need help".
import { useStore } from '@nanostores/preact';
import type { ArticleHit } from '../../shared/articles';
import { $locale } from '../i18n/locale';
import { helpText } from '../i18n/messages';
import { $attached, $beforeChat, $helped, $homeArticles, $typedArticles, articleUrl, openArticle } from '../state/help';

function ArticleLinks({ label, hits }: { label: string; hits: ArticleHit[] }) {
  return (
    <nav class="articles" aria-label={label}>
      <p>{label}</p>
      {hits.map((hit) => (
        <a
          key={hit.id}
          href={articleUrl(hit)}
          lang={hit.locale}
          onClick={(event) => {
            event.preventDefault();
            openArticle(hit);
          }}
        >
          {hit.title}
        </a>
      ))}
    </nav>
  );
}

/** The home screen: articles for the situation (weak network first when the host reports one). */
export function HelpHome() {
  const hits = useStore($homeArticles);
  const helped = useStore($helped);
  const t = useStore(helpText);
  if (helped)
    return (
      <p class="status" role="status">
        {t.helped}
      </p>
    );
  return hits.length ? <ArticleLinks label={t.suggested} hits={hits} /> : null;
}

/** Right above the send button: articles matching the first message as it is typed. */
export function ArticleMatches() {
  const hits = useStore($typedArticles);
  const attached = useStore($attached);
  const before = useStore($beforeChat);
  const t = useStore(helpText);
  const locale = useStore($locale);
  return (
    <>
      {hits.length > 0 && <ArticleLinks label={t.matches} hits={hits} />}
      {before && attached.length > 0 && (
        <p class="status">{t.attached({ titles: new Intl.ListFormat(locale).format(attached.map((a) => a.title)) })}</p>
      )}
    </>
  );
}
