// Writing one help article: markdown on the left, the page readers will see on the right (rendered and
// sanitised by the server). Buttons follow the role: admins publish, agents suggest new articles and edits.
import { useStore } from '@nanostores/preact';
import { ARTICLE_LIMITS, ARTICLE_LOCALES, type ArticleLocale } from '../../../../shared/articles';
import {
  $articleEditor,
  closeArticle,
  deleteArticle,
  editForm,
  publishArticle,
  saveArticle,
  unpublishArticle,
  type ArticleEditor as Editor,
} from '../../state/articles';
import { $me } from '../../state/me';
import { sendSuggestedEdit, startSuggestingEdit } from '../../state/suggest-edit';
import { formatFull } from '../format';
import { ARTICLE_STATUS_LABEL, ARTICLE_STATUS_TAG, LOCALE_LABEL } from './article-format';
import { Options } from './Options';
import { SuggestEditControls } from './SuggestEditControls';

export function ArticleEditor() {
  const editor = useStore($articleEditor);
  const me = useStore($me);
  if (!editor || !me) {
    return (
      <section class="article-editor card article-editor--empty" aria-label="Article">
        <p class="muted">Choose an article to read or edit, or start a new one.</p>
      </section>
    );
  }
  const { saved, form, busy, suggesting } = editor;
  const admin = me.role === 'admin';
  const editable = admin || !saved || (saved.status === 'suggested' && saved.author?.id === me.id) || suggesting;
  const heading = saved ? saved.title : admin ? 'New article' : 'Suggest an article';

  return (
    <section class="article-editor card" aria-labelledby="article-editor-title">
      <div class="article-editor-head">
        <h2 id="article-editor-title">{heading}</h2>
        {saved && <span class={ARTICLE_STATUS_TAG[saved.status]}>{ARTICLE_STATUS_LABEL[saved.status]}</span>}
        <button type="button" class="quiet" onClick={closeArticle}>
          Close
        </button>
      </div>
      {saved && (
        <p class="muted small">
          {saved.author ? `${saved.status === 'suggested' ? 'Suggested' : 'Written'} by ${saved.author.name} · ` : 'Starter article · '}
          last saved {formatFull(saved.updatedAt)}
          {saved.status === 'published' && ' · '}
          {saved.status === 'published' && (
            <a href={`/help/${saved.slug}?lang=${saved.locale}`} target="_blank" rel="noopener noreferrer">
              Open the help page
            </a>
          )}
        </p>
      )}
      {!editable && (
        <p class="muted">
          Only admins edit published articles.{' '}
          <button type="button" onClick={startSuggestingEdit}>
            Suggest an edit
          </button>
        </p>
      )}
      {suggesting && <p class="suggest-edit-banner">Suggesting an edit: readers keep seeing the article as it is until an admin applies your change.</p>}
      <form
        class="article-form"
        onSubmit={(event) => {
          event.preventDefault();
          void (suggesting ? sendSuggestedEdit() : saveArticle());
        }}
      >
        <fieldset disabled={!editable || busy}>
          <label>
            Title
            <input required maxLength={ARTICLE_LIMITS.title} value={form.title} onInput={(e) => editForm({ title: e.currentTarget.value })} />
          </label>
          <div class="article-form-row">
            <label>
              Slug
              <input
                required
                maxLength={ARTICLE_LIMITS.slug}
                disabled={suggesting}
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
                title="Lowercase letters, digits and single hyphens; the same in every language of the article"
                value={form.slug}
                onInput={(e) => editForm({ slug: e.currentTarget.value })}
              />
            </label>
            <label>
              Language
              <select value={form.locale} disabled={suggesting} onChange={(e) => editForm({ locale: e.currentTarget.value as ArticleLocale })}>
                <Options values={ARTICLE_LOCALES} labels={LOCALE_LABEL} />
              </select>
            </label>
          </div>
          <label>
            Summary
            <textarea rows={2} maxLength={ARTICLE_LIMITS.summary} value={form.summary} onInput={(e) => editForm({ summary: e.currentTarget.value })} />
          </label>
          <label>
            Tags
            <input
              aria-describedby="article-tags-hint"
              value={form.tags}
              placeholder="audio, microphone, featured"
              onInput={(e) => editForm({ tags: e.currentTarget.value })}
            />
          </label>
          <p id="article-tags-hint" class="muted small">
            Comma-separated. “featured” puts the article on the widget's home screen; “weak-network”, “teacher” and “browsers” bring it up when
            the classroom reports that situation.
          </p>
          <div class="article-panes">
            <label>
              Body (markdown)
              <textarea
                class="article-body"
                rows={18}
                required
                maxLength={ARTICLE_LIMITS.body}
                value={form.body}
                onInput={(e) => editForm({ body: e.currentTarget.value })}
              />
            </label>
            <div class="article-preview-pane">
              <span class="article-preview-label" id="article-preview-label">
                Preview
              </span>
              {/* HTML rendered and sanitised by the server, exactly as readers get it. */}
              <div class="article-preview" role="region" aria-labelledby="article-preview-label" lang={form.locale} dangerouslySetInnerHTML={{ __html: editor.preview }} />
            </div>
          </div>
        </fieldset>
        <div role="status" class="article-editor-status">
          {editor.error && <p class="alert">{editor.error}</p>}
          {editor.notice && <p class="notice-ok">{editor.notice}</p>}
        </div>
        {suggesting ? <SuggestEditControls editor={editor} /> : editable && <Actions editor={editor} admin={admin} />}
      </form>
    </section>
  );
}

function Actions({ editor, admin }: { editor: Editor; admin: boolean }) {
  const { saved, busy, dirty } = editor;
  const live = saved?.status === 'published';
  return (
    <div class="dialog-actions">
      {saved && !live && (
        <button
          type="button"
          class="quiet danger"
          disabled={busy}
          onClick={() => {
            if (confirm(`Delete “${saved.title}”? This cannot be undone.`)) void deleteArticle();
          }}
        >
          Delete
        </button>
      )}
      {admin && live && (
        <button type="button" class="quiet" disabled={busy} onClick={() => void unpublishArticle()}>
          Unpublish
        </button>
      )}
      <button type="submit" class={admin ? undefined : 'primary'} disabled={busy || (!!saved && !dirty)} aria-busy={busy}>
        {!admin ? (saved ? 'Save suggestion' : 'Suggest article') : live ? 'Save (live at once)' : 'Save draft'}
      </button>
      {admin && (!live || dirty) && (
        <button type="button" class="primary" disabled={busy} onClick={() => void publishArticle()}>
          {live ? 'Save and publish' : 'Publish'}
        </button>
      )}
    </div>
  );
}
