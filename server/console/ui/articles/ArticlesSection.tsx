// The Articles section: help articles to write and review, suggested edits to them, and (for supervisors and
// admins) what they achieve.
import { useStore } from '@nanostores/preact';
import { useState } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { $me } from '../../state/me';
import { $editReview } from '../../state/suggested-edits';
import { ArticleEditor } from './ArticleEditor';
import { ArticleInsightsView } from './ArticleInsights';
import { ArticleList } from './ArticleList';
import { SuggestedEditList } from './SuggestedEditList';
import { SuggestedEditReview } from './SuggestedEditReview';
import './articles.css';

const articleText = texts('articles');

export function ArticlesSection() {
  const me = useStore($me);
  const review = useStore($editReview);
  const t = useStore(articleText);
  const [tab, setTab] = useState<'articles' | 'insights'>('articles');
  const reports = me?.role === 'admin' || me?.role === 'supervisor';
  return (
    <main class="page articles-page" aria-labelledby="articles-title">
      <h1 id="articles-title">{t.title}</h1>
      {reports && (
        <div class="page-tabs" role="tablist" aria-label={t.title}>
          <button type="button" role="tab" aria-selected={tab === 'articles'} aria-controls="articles-panel" onClick={() => setTab('articles')}>
            {t.tabArticles}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'insights'} aria-controls="articles-panel" onClick={() => setTab('insights')}>
            {t.tabInsights}
          </button>
        </div>
      )}
      <div id="articles-panel" role={reports ? 'tabpanel' : undefined} class={tab === 'articles' ? 'articles-work' : undefined}>
        {tab === 'insights' && reports ? (
          <ArticleInsightsView />
        ) : (
          <>
            <div class="articles-side">
              <SuggestedEditList />
              <ArticleList />
            </div>
            {review ? <SuggestedEditReview /> : <ArticleEditor />}
          </>
        )}
      </div>
    </main>
  );
}
