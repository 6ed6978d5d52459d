// Loaded when a chat ends or a ticket is resolved (lazy.ts): asks once "How did we do?" — 1 to 5 and an
// optional comment, or Skip — in a card of its own shadow root above the launcher, whether the panel is open or
// not. What was answered or skipped is remembered in this browser, so it is never asked twice; the server also
// refuses a second rating (already_rated), which counts as answered.
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { SATISFACTION_COMMENT_MAX, SATISFACTION_SCORES, type RatedKind } from '../../shared/satisfaction';
import { readStored, writeStored } from '../storage';
import type { SatisfactionBridge, Words } from './bridge';
import { STYLE } from './styles';

export interface RatedSubject {
  kind: RatedKind;
  id: string;
  /** A ticket's number as the user sees it. */
  number?: string;
}

const askedKey = (s: RatedSubject) => `cs:csat:${s.kind}:${s.id}`;
const THANKS_SHOWN_MS = 4_000;

function Card({ subject, words, bridge, done }: { subject: RatedSubject; words: Words; bridge: SatisfactionBridge; done: () => void }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<'asking' | 'sending' | 'failed' | 'unpicked' | 'thanks'>('asking');

  const send = async () => {
    if (!score) return setState('unpicked');
    setState('sending');
    try {
      const result = await bridge.request('satisfaction:rate', { kind: subject.kind, id: subject.id, score, comment: comment.trim() || null });
      // Rated already (another tab) or gone: nothing left to ask.
      if (!result.ok && result.error.code !== 'already_rated' && result.error.code !== 'not_found') return setState('failed');
      writeStored(askedKey(subject), 'rated');
      setState('thanks');
      setTimeout(done, THANKS_SHOWN_MS);
    } catch {
      // Offline or no answer: the words stay, Send again.
      setState('failed');
    }
  };
  const skip = () => {
    writeStored(askedKey(subject), 'skipped');
    done();
  };

  if (state === 'thanks') {
    return (
      <section class="c" aria-label={words.title}>
        <p class="t" role="status">
          {words.thanks}
        </p>
      </section>
    );
  }
  return (
    <section class="c" aria-label={words.title} onKeyDown={(e) => e.key === 'Escape' && skip()}>
      <h2 class="t">{words.title}</h2>
      <p class="s">{subject.kind === 'ticket' ? words.ticket({ number: subject.number ?? '' }) : words.chat}</p>
      <div class="r" role="radiogroup" aria-label={words.scores}>
        {SATISFACTION_SCORES.map((n) => (
          // biome-ignore lint/a11y/useSemanticElements: star buttons that light up to the choice; role=radio with aria-checked tells which one is chosen
          <button
            type="button"
            role="radio"
            aria-checked={score === n}
            aria-label={words.score({ score: n })}
            class={n <= score ? 'on' : ''}
            onClick={() => {
              setScore(n);
              setState('asking');
            }}
          >
            ★
          </button>
        ))}
      </div>
      <textarea
        aria-label={words.comment}
        placeholder={words.comment}
        maxLength={SATISFACTION_COMMENT_MAX}
        rows={2}
        value={comment}
        onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)}
      />
      {(state === 'failed' || state === 'unpicked') && (
        <p class="e" role="alert">
          {state === 'failed' ? words.failed : words.pick}
        </p>
      )}
      <div class="b">
        <button type="button" class="k" onClick={skip}>
          {words.skip}
        </button>
        <button type="button" class="g" disabled={state === 'sending'} onClick={() => void send()}>
          {state === 'sending' ? words.sending : words.send}
        </button>
      </div>
    </section>
  );
}

/** The asks waiting their turn, one card at a time; returns `ask`, which ignores what was answered or skipped. */
export function startSatisfaction(bridge: SatisfactionBridge): { ask(subject: RatedSubject): void } {
  const queue: RatedSubject[] = [];
  let container: HTMLElement | null = null;

  const show = () => {
    const subject = queue[0];
    const words = bridge.texts.get();
    // The language's texts are still on their way: the subscription below shows the card once they are here.
    if (!container || (subject && typeof words.title !== 'string')) return;
    const next = () => {
      queue.shift();
      show();
    };
    // Keyed by subject only: a switch of language keeps the score and comment being written.
    render(
      subject ? <Card key={`${subject.kind}:${subject.id}`} subject={subject} words={words as Words} bridge={bridge} done={next} /> : null,
      container,
    );
  };

  return {
    ask(subject) {
      if (readStored(askedKey(subject)) || queue.some((s) => s.kind === subject.kind && s.id === subject.id)) return;
      queue.push(subject);
      if (!container) {
        const host = document.createElement('classroom-support-rating');
        const root = host.attachShadow({ mode: 'open' });
        const style = document.createElement('style');
        style.textContent = STYLE;
        container = document.createElement('div');
        root.append(style, container);
        document.body.append(host);
        // Watching the texts loads them, and redraws the card in a new language when the widget switches.
        bridge.texts.subscribe(show);
      } else if (queue.length === 1) show();
    },
  };
}
