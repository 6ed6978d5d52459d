// What self-service achieved: the articles that ended chats before they started, and the searches that found
// nothing (the articles still to write).
import { useStore } from '@nanostores/preact';
import { useEffect } from 'preact/hooks';
import { $articleInsights, loadInsights } from '../../state/article-insights';
import { formatFull } from '../format';
import { LOCALE_LABEL } from './article-format';

const PERIODS = [7, 30, 90];

export function ArticleInsightsView() {
  const { days, data, loading, error } = useStore($articleInsights);
  useEffect(() => void loadInsights(), []);
  return (
    <div class="article-insights">
      <label class="inline">
        Period{' '}
        <select value={days} onChange={(e) => void loadInsights(Number(e.currentTarget.value))}>
          {PERIODS.map((d) => (
            <option key={d} value={d}>
              Last {d} days
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      {loading && !data && <p class="muted">Loading…</p>}
      {data && (
        <>
          <section class="card panel" aria-labelledby="deflections-title">
            <h2 id="deflections-title">Articles that answered the question</h2>
            {data.deflections.length === 0 ? (
              <p class="muted">No answers to “Did this solve your problem?” yet in this period.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Article</th>
                    <th scope="col">Chats avoided</th>
                    <th scope="col">Helped during a chat</th>
                    <th scope="col">Still needed help</th>
                  </tr>
                </thead>
                <tbody>
                  {data.deflections.map((row) => (
                    <tr key={row.articleId}>
                      <th scope="row">
                        <span lang={row.locale}>{row.title}</span> <span class="tag">{LOCALE_LABEL[row.locale]}</span>
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
            <h2 id="misses-title">Searches that found nothing</h2>
            {data.misses.length === 0 ? (
              <p class="muted">Every search found an article in this period.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Search</th>
                    <th scope="col">Language</th>
                    <th scope="col">From</th>
                    <th scope="col">Times</th>
                    <th scope="col">Last</th>
                  </tr>
                </thead>
                <tbody>
                  {data.misses.map((miss) => (
                    <tr key={`${miss.source}:${miss.locale}:${miss.query}`}>
                      <th scope="row" lang={miss.locale}>
                        {miss.query}
                      </th>
                      <td>{LOCALE_LABEL[miss.locale]}</td>
                      <td>{miss.source === 'widget' ? 'Widget' : 'Console'}</td>
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
