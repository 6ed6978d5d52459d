// The list of help articles with status and language filters; admins see drafts and every suggestion.
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { ARTICLE_LOCALES, ARTICLE_STATUSES, type ArticleLocale, type ArticleStatus } from '../../../../shared/articles';
import { $articleEditor, $articleFilter, $articleList, filterArticles, loadArticles, newArticle, openArticle } from '../../state/articles';
import { texts } from '../../i18n/i18n';
import { $me } from '../../state/me';
import { formatFull } from '../format';
import { ARTICLE_STATUS_TAG, articleStatusLabel, localeLabel } from './article-format';
import { Options } from './Options';

const articleText = texts('articles');

export function ArticleList() {
  const list = useStore($articleList);
  const filter = useStore($articleFilter);
  const editor = useStore($articleEditor);
  const me = useStore($me);
  const t = useStore(articleText);
  useEffect(() => void loadArticles(), []);
  return (
    <section class="article-list card" aria-labelledby="article-list-title">
      <div class="article-list-head">
        <h2 id="article-list-title">{t.listTitle}</h2>
        <button type="button" class="primary" onClick={newArticle}>
          {me?.role === 'admin' ? t.newArticle : t.suggestArticle}
        </button>
      </div>
      <div class="article-filters">
        <label>
          {t.status}
          <select value={filter.status} onChange={(e) => filterArticles({ status: e.currentTarget.value as ArticleStatus | '' })}>
            <Options values={ARTICLE_STATUSES} label={articleStatusLabel} all />
          </select>
        </label>
        <label>
          {t.language}
          <select value={filter.locale} onChange={(e) => filterArticles({ locale: e.currentTarget.value as ArticleLocale | '' })}>
            <Options values={ARTICLE_LOCALES} label={localeLabel} all />
          </select>
        </label>
      </div>
      {list.error && (
        <p role="alert" class="alert">
          {list.error}
        </p>
      )}
      {list.loading && !list.items.length ? (
        <p class="muted">{t.loading}</p>
      ) : !list.items.length ? (
        <p class="muted">{t.noMatch}</p>
      ) : (
        <ul class="article-items">
          {list.items.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                class="article-item"
                aria-current={editor?.saved?.id === a.id ? 'true' : undefined}
                onClick={() => void openArticle(a.id)}
              >
                <span class="article-item-title" lang={a.locale}>
                  {a.title}
                </span>
                <span class="article-item-meta">
                  <span class={ARTICLE_STATUS_TAG[a.status]}>{articleStatusLabel(a.status)}</span> <span class="tag">{localeLabel(a.locale)}</span>{' '}
                  <span class="muted small">
                    {a.author && a.status === 'suggested' ? t.byAuthor({ name: a.author.name }) : ''}
                    {formatFull(a.updatedAt)}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
