// An article shown inside the panel instead of the chat, with "This helped" and "I still need help". The reader
// itself is loaded from the server the first time it is needed (see lazy.ts).
import { useStore } from '@nanostores/preact';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { loadArticleView } from '../lazy';
import { $reading, answerArticle, closeArticle, help, openArticle, type Reading } from '../state/help';

function Reader({ reading }: { reading: Reading }) {
  const box = useRef<HTMLDivElement>(null);
  const page = reading.page;
  useEffect(() => {
    if (!page) return;
    loadArticleView(help.server).then(
      (view) => box.current && view.renderArticle(box.current, page, help.server, (slug, locale) => openArticle({ slug, locale })),
      // Without the reader the article still shows, only plainer: the HTML is sanitised on the server.
      () => box.current && (box.current.innerHTML = page.html),
    );
  }, [page]);
  return (
    <div class="reader">
      <button type="button" class="back" onClick={closeArticle}>
        ← Back
      </button>
      {/* Filled by the reader module; Preact keeps no children here. */}
      <div ref={box} class="log" />
      {!page && !reading.error && <p class="status" role="status">Loading the article…</p>}
      {reading.error && (
        <p class="status error" role="alert">
          {reading.error}
        </p>
      )}
      {page && (
        <div class="answer">
          <p>Did this solve your problem?</p>
          <button type="button" class="send" disabled={reading.sending} onClick={() => answerArticle(true)}>
            This helped
          </button>
          <button type="button" class="retry" onClick={() => answerArticle(false)}>
            I still need help
          </button>
        </div>
      )}
    </div>
  );
}

/** The panel's body: the article being read, or the chat (`children`). */
export function HelpGate({ children }: { children: ComponentChildren }) {
  const reading = useStore($reading);
  return reading ? <Reader reading={reading} /> : <>{children}</>;
}
