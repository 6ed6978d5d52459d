// The Articles section: the list with its filters, and the article being edited with a live preview.
// Admins draft, publish and unpublish; agents and supervisors write suggestions for an admin to review.
import { atom } from 'nanostores';
import type { ArticleInput } from '../../../shared/article-schemas';
import type { ArticleDetail, ArticleLocale, ArticleStatus, ArticleSummary } from '../../../shared/articles';
import { articleApi } from '../article-api';
import { texts } from '../i18n/i18n';

const articleText = texts('articles');

const PREVIEW_PAUSE_MS = 400;

export interface ArticleFilter {
  status: ArticleStatus | '';
  locale: ArticleLocale | '';
}

export interface ArticleList {
  items: ArticleSummary[];
  loading: boolean;
  error: string | null;
}

/** The form as typed: tags as one comma-separated line. */
export interface ArticleForm {
  slug: string;
  locale: ArticleLocale;
  title: string;
  summary: string;
  tags: string;
  body: string;
}

export interface ArticleEditor {
  /** The stored article this form edits; null for a new one. */
  saved: ArticleDetail | null;
  form: ArticleForm;
  /** True when the form differs from what is stored. */
  dirty: boolean;
  busy: boolean;
  error: string | null;
  notice: string | null;
  preview: string;
  /** A non-admin is writing a suggested edit to this published article (state/suggest-edit.ts). */
  suggesting: boolean;
  /** Why, for the suggested edit. */
  note: string;
}

export const $articleFilter = atom<ArticleFilter>({ status: '', locale: '' });
export const $articleList = atom<ArticleList>({ items: [], loading: false, error: null });
export const $articleEditor = atom<ArticleEditor | null>(null);

const EMPTY_FORM: ArticleForm = { slug: '', locale: 'en', title: '', summary: '', tags: '', body: '' };

const formOf = (a: ArticleDetail): ArticleForm => ({
  slug: a.slug,
  locale: a.locale,
  title: a.title,
  summary: a.summary,
  tags: a.tags.join(', '),
  body: a.body,
});

export const inputOf = (form: ArticleForm): ArticleInput => ({
  ...form,
  slug: form.slug.trim().toLowerCase(),
  tags: form.tags
    .split(/[,，\s]+/)
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean),
});

/** A slug from a title: "Camera not found!" → "camera-not-found" (Chinese titles need one typed by hand). */
export const slugFrom = (title: string): string =>
  title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

export async function loadArticles(): Promise<void> {
  const { status, locale } = $articleFilter.get();
  $articleList.set({ ...$articleList.get(), loading: true, error: null });
  const result = await articleApi.list({ status: status || undefined, locale: locale || undefined });
  $articleList.set(
    result.ok ? { items: result.data, loading: false, error: null } : { ...$articleList.get(), loading: false, error: result.error.message },
  );
}

export function filterArticles(change: Partial<ArticleFilter>): void {
  $articleFilter.set({ ...$articleFilter.get(), ...change });
  void loadArticles();
}

/** Shows a stored article (or an empty form) as saved, with an optional notice. */
export const showArticle = (saved: ArticleDetail | null, notice: string | null = null): void =>
  $articleEditor.set({
    saved,
    form: saved ? formOf(saved) : EMPTY_FORM,
    dirty: false,
    busy: false,
    error: null,
    notice,
    preview: saved?.html ?? '',
    suggesting: false,
    note: '',
  });

export const newArticle = (): void => showArticle(null);
export const closeArticle = (): void => $articleEditor.set(null);

export async function openArticle(id: string): Promise<void> {
  const result = await articleApi.get(id);
  if (result.ok) showArticle(result.data);
  else $articleList.set({ ...$articleList.get(), error: result.error.message });
}

let previewPause: ReturnType<typeof setTimeout> | undefined;

export function editForm(change: Partial<ArticleForm>): void {
  const editor = $articleEditor.get();
  if (!editor) return;
  const form = { ...editor.form, ...change };
  // A new article's slug follows its title until the author types one.
  if (change.title !== undefined && !editor.saved && editor.form.slug === slugFrom(editor.form.title)) form.slug = slugFrom(change.title);
  $articleEditor.set({ ...editor, form, dirty: true, notice: null });
  if (change.body !== undefined) {
    clearTimeout(previewPause);
    previewPause = setTimeout(() => void refreshPreview(), PREVIEW_PAUSE_MS);
  }
}

/** The article as readers will see it: rendered and sanitised by the server, the same way as when published. */
export async function refreshPreview(): Promise<void> {
  const body = $articleEditor.get()?.form.body ?? '';
  const result = await articleApi.preview(body);
  const editor = $articleEditor.get();
  if (result.ok && editor?.form.body === body) $articleEditor.set({ ...editor, preview: result.data.html });
}

async function run(action: (editor: ArticleEditor) => ReturnType<typeof articleApi.get>, notice: string): Promise<void> {
  const editor = $articleEditor.get();
  if (!editor || editor.busy) return;
  $articleEditor.set({ ...editor, busy: true, error: null, notice: null });
  const result = await action(editor);
  if (!result.ok) {
    const now = $articleEditor.get();
    if (now) $articleEditor.set({ ...now, busy: false, error: result.error.message });
    return;
  }
  showArticle(result.data, notice);
  void loadArticles();
}

export const saveArticle = (): Promise<void> =>
  run(
    ({ saved, form }) => (saved ? articleApi.update(saved.id, inputOf(form), saved.updatedAt) : articleApi.create(inputOf(form))),
    articleText.get().saved,
  );

/** Publishing saves pending edits first, so what goes live is what is on screen. */
export const publishArticle = (): Promise<void> =>
  run(async ({ saved, form, dirty }) => {
    const stored = !saved
      ? await articleApi.create(inputOf(form))
      : dirty
        ? await articleApi.update(saved.id, inputOf(form), saved.updatedAt)
        : ({ ok: true, data: saved } as const);
    return stored.ok ? articleApi.publish(stored.data.id, stored.data.updatedAt) : stored;
  }, articleText.get().published);

export const unpublishArticle = (): Promise<void> =>
  run(({ saved }) => articleApi.unpublish(saved!.id, saved!.updatedAt), articleText.get().unpublished);

export async function deleteArticle(): Promise<void> {
  const editor = $articleEditor.get();
  if (!editor?.saved || editor.busy) return;
  $articleEditor.set({ ...editor, busy: true, error: null });
  const result = await articleApi.remove(editor.saved.id);
  if (!result.ok) return $articleEditor.set({ ...editor, busy: false, error: result.error.message });
  closeArticle();
  void loadArticles();
}
