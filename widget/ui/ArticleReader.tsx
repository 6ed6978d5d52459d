// An article shown inside the panel instead of the chat, with "This helped" and "I still need help". The reader
// itself is loaded from the server the first time it is needed (see lazy.ts).
import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { $locale } from '../i18n/locale';
import { errorsText, errorText, helpText } from '../i18n/messages';
import { loadArticleView } from '../lazy';
import { $reading, answerArticle, closeArticle, help, openArticle, type Reading } from '../state/help';

function Reader({ reading }: { reading: Reading }) {
  const box = useRef<HTMLDivElement>(null);
  const page = reading.page;
  const t = useStore(helpText);
  const errors = useStore(errorsText);
  const locale = useStore($locale);
  const error = reading.error;
  useEffect(() => {
    if (!page) return;
    loadArticleView(help.server).then(
      (view) => box.current && view.renderArticle(box.current, page, help.server, (slug, locale) => openArticle({ slug, locale })),
      // Without the reader the article still shows, only plainer: the HTML is sanitised on the server.
      () => {
        if (box.current) box.current.innerHTML = page.html;
      },
    );
  }, [page]);
  return (
    <div class="reader">
      <button type="button" class="back" onClick={closeArticle}>
        {t.back}
      </button>
      {/* Filled by the reader module; Preact keeps no children here. */}
      <div ref={box} class="log" />
      {!page && !error && (
        <p class="status" role="status">
          {t.loading}
        </p>
      )}
      {error && (
        <p class="status error" role="alert">
          {error.code === 'offline' || error.code === 'answerFailed' ? t[error.code] : errorText(errors, locale, error.code, error.message)}
        </p>
      )}
      {page && (
        <div class="answer">
          <p>{t.solved}</p>
          <button type="button" class="send" disabled={reading.sending} onClick={() => answerArticle(true)}>
            {t.thisHelped}
          </button>
          <button type="button" class="retry" onClick={() => answerArticle(false)}>
            {t.stillNeedHelp}
          </button>
        </div>
      )}
    </div>
  );
}

/** The panel's body: the article being read, or the chat (`children`). */
export function HelpGate({ children }: { children: ComponentChildren }) {
  const reading = useStore($reading);
  return reading ? <Reader reading={reading} /> : children;
}
