// What self-service achieved: the articles that ended chats before they started, and the searches that found
// nothing (the articles still to write).
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { texts } from '../../i18n/i18n';
import { $articleInsights, loadInsights } from '../../state/article-insights';
import { formatFull } from '../format';
import { localeLabel } from './article-format';

const articleText = texts('articles');

const PERIODS = [7, 30, 90];

export function ArticleInsightsView() {
  const { days, data, loading, error } = useStore($articleInsights);
  const t = useStore(articleText);
  useEffect(() => void loadInsights(), []);
  return (
    <div class="article-insights">
      <label class="inline">
        {t.period}{' '}
        <select value={days} onChange={(e) => void loadInsights(Number(e.currentTarget.value))}>
          {PERIODS.map((d) => (
            <option key={d} value={d}>
              {t.lastDays({ days: d })}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      {loading && !data && <p class="muted">{t.loading}</p>}
      {data && (
        <>
          <section class="card panel" aria-labelledby="deflections-title">
            <h2 id="deflections-title">{t.deflectionsTitle}</h2>
            {data.deflections.length === 0 ? (
              <p class="muted">{t.noDeflections}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.article}</th>
                    <th scope="col">{t.chatsAvoided}</th>
                    <th scope="col">{t.helpedInChat}</th>
                    <th scope="col">{t.stillNeededHelp}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.deflections.map((row) => (
                    <tr key={row.articleId}>
                      <th scope="row">
                        <span class="article-text" lang={row.locale}>
                          {row.title}
                        </span>{' '}
                        <span class="tag">{localeLabel(row.locale)}</span>
                      </th>
                      <td>{row.deflected}</td>
                      <td>{row.helpful}</td>
                      <td>{row.escalated}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section class="card panel" aria-labelledby="misses-title">
            <h2 id="misses-title">{t.missesTitle}</h2>
            {data.misses.length === 0 ? (
              <p class="muted">{t.noMisses}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.search}</th>
                    <th scope="col">{t.language}</th>
                    <th scope="col">{t.from}</th>
                    <th scope="col">{t.times}</th>
                    <th scope="col">{t.last}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.misses.map((miss) => (
                    <tr key={`${miss.source}:${miss.locale}:${miss.query}`}>
                      <th scope="row" class="article-text" lang={miss.locale}>
                        {miss.query}
                      </th>
                      <td>{localeLabel(miss.locale)}</td>
                      <td>{miss.source === 'widget' ? t.fromWidget : t.fromConsole}</td>
                      <td>{miss.count}</td>
                      <td>{formatFull(miss.lastAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
