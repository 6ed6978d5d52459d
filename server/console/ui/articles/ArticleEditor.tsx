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
import { texts } from '../../i18n/i18n';
import { $me } from '../../state/me';
import { sendSuggestedEdit, startSuggestingEdit } from '../../state/suggest-edit';
import { formatFull } from '../format';
import { ARTICLE_STATUS_TAG, FEATURED_TAG, articleStatusLabel, localeLabel, situationTagParts } from './article-format';
import { Options } from './Options';
import { SuggestEditControls } from './SuggestEditControls';

const articleText = texts('articles');

export function ArticleEditor() {
  const editor = useStore($articleEditor);
  const me = useStore($me);
  const t = useStore(articleText);
  if (!editor || !me) {
    return (
      <section class="article-editor card article-editor--empty" aria-label={t.editorLabel}>
        <p class="muted">{t.chooseArticle}</p>
      </section>
    );
  }
  const { saved, form, busy, suggesting } = editor;
  const admin = me.role === 'admin';
  const editable = admin || !saved || (saved.status === 'suggested' && saved.author?.id === me.id) || suggesting;
  // A saved article's title is what its author wrote, in the article's language.
  const heading = saved ? (
    <span class="article-text" lang={saved.locale}>
      {saved.title}
    </span>
  ) : admin ? (
    t.newArticle
  ) : (
    t.suggestArticle
  );

  return (
    <section class="article-editor card" aria-labelledby="article-editor-title">
      <div class="article-editor-head">
        <h2 id="article-editor-title">{heading}</h2>
        {saved && <span class={ARTICLE_STATUS_TAG[saved.status]}>{articleStatusLabel(saved.status)}</span>}
        <button type="button" class="quiet" onClick={closeArticle}>
          {t.close}
        </button>
      </div>
      {saved && (
        <p class="muted small">
          {saved.author ? (saved.status === 'suggested' ? t.suggestedBy : t.writtenBy)({ name: saved.author.name }) : t.starter}
          {t.lastSaved({ time: formatFull(saved.updatedAt) })}
          {saved.status === 'published' && ' · '}
          {saved.status === 'published' && (
            <a href={`/help/${saved.slug}?lang=${saved.locale}`} target="_blank" rel="noopener noreferrer">
              {t.openHelpPage}
            </a>
          )}
        </p>
      )}
      {!editable && (
        <p class="muted">
          {t.onlyAdmins}{' '}
          <button type="button" onClick={startSuggestingEdit}>
            {t.suggestEdit}
          </button>
        </p>
      )}
      {suggesting && <p class="suggest-edit-banner">{t.suggestingBanner}</p>}
      <form
        class="article-form"
        onSubmit={(event) => {
          event.preventDefault();
          void (suggesting ? sendSuggestedEdit() : saveArticle());
        }}
      >
        <fieldset disabled={!editable || busy}>
          <label>
            {t.fieldTitle}
            <input required maxLength={ARTICLE_LIMITS.title} value={form.title} onInput={(e) => editForm({ title: e.currentTarget.value })} />
          </label>
          <div class="article-form-row">
            <label>
              {t.slug}
              <input
                required
                maxLength={ARTICLE_LIMITS.slug}
                disabled={suggesting}
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
                title={t.slugHint}
                value={form.slug}
                onInput={(e) => editForm({ slug: e.currentTarget.value })}
              />
            </label>
            <label>
              {t.language}
              <select value={form.locale} disabled={suggesting} onChange={(e) => editForm({ locale: e.currentTarget.value as ArticleLocale })}>
                <Options values={ARTICLE_LOCALES} label={localeLabel} />
              </select>
            </label>
          </div>
          <label>
            {t.summary}
            <textarea
              rows={2}
              maxLength={ARTICLE_LIMITS.summary}
              value={form.summary}
              onInput={(e) => editForm({ summary: e.currentTarget.value })}
            />
          </label>
          <label>
            {t.tags}
            <input
              aria-describedby="article-tags-hint"
              value={form.tags}
              placeholder={t.tagsPlaceholder}
              onInput={(e) => editForm({ tags: e.currentTarget.value })}
            />
          </label>
          <p id="article-tags-hint" class="muted small">
            {/* Tag names are data, the same in every language. */}
            {t.tagsHint} <code>{FEATURED_TAG}</code>
            {t.tagFeatured} {situationTagParts().map((part, i) => (part.tag ? <code key={i}>{part.text}</code> : part.text))}
            {t.tagSituations}
          </p>
          <div class="article-panes">
            <label>
              {t.body}
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
                {t.preview}
              </span>
              {/* HTML rendered and sanitised by the server, exactly as readers get it. */}
              <section
                class="article-preview"
                aria-labelledby="article-preview-label"
                lang={form.locale}
                dangerouslySetInnerHTML={{ __html: editor.preview }}
              />
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
  const t = useStore(articleText);
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
            if (confirm(t.deleteConfirm({ title: saved.title }))) void deleteArticle();
          }}
        >
          {t.delete}
        </button>
      )}
      {admin && live && (
        <button type="button" class="quiet" disabled={busy} onClick={() => void unpublishArticle()}>
          {t.unpublish}
        </button>
      )}
      <button type="submit" class={admin ? undefined : 'primary'} disabled={busy || (!!saved && !dirty)} aria-busy={busy}>
        {!admin ? (saved ? t.saveSuggestion : t.sendArticle) : live ? t.saveLive : t.saveDraft}
      </button>
      {admin && (!live || dirty) && (
        <button type="button" class="primary" disabled={busy} onClick={() => void publishArticle()}>
          {live ? t.saveAndPublish : t.publish}
        </button>
      )}
    </div>
  );
}
