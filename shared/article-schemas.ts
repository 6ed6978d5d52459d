// Runtime schemas for help-article payloads: the widget's search and feedback, the console's editing and reports.
import * as v from 'valibot';
import { ARTICLE_LIMITS, ARTICLE_LOCALES, ARTICLE_STATUSES } from './articles';
import { ClientContextSchema } from './schemas';

const id = v.pipe(v.string(), v.uuid('must be a UUID'));
const locale = v.picklist(ARTICLE_LOCALES, 'must be zh-CN or en');
const limit = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(ARTICLE_LIMITS.results));
/** Query strings arrive as text; a number there must be digits only. */
const numberParam = (min: number, max: number) =>
  v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'must be a whole number'), v.transform(Number), v.minValue(min), v.maxValue(max));

export const ArticleSlugSchema = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty('slug is empty'),
  v.maxLength(ARTICLE_LIMITS.slug),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single hyphens'),
);

const searchText = v.pipe(v.string(), v.trim(), v.nonEmpty('query is empty'), v.maxLength(ARTICLE_LIMITS.query));

/** Visitor `articles:search`: the words typed so far. */
export const SearchArticlesSchema = v.strictObject({
  query: searchText,
  locale,
  limit: v.optional(limit),
});

/** Visitor `articles:suggest`: what the home screen should offer for this classroom's situation. */
export const SuggestArticlesSchema = v.strictObject({
  locale,
  context: ClientContextSchema,
  limit: v.optional(limit),
});

/** Visitor `article:get`: a published article by slug, in this locale if it exists, else the other. */
export const ArticleRefSchema = v.strictObject({ slug: ArticleSlugSchema, locale });

/** Visitor `article:feedback`: "This helped" (helpful) or "I still need help". */
export const ArticleFeedbackSchema = v.strictObject({
  clientId: id,
  articleId: id,
  helpful: v.boolean(),
});

const tag = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.nonEmpty(),
  v.maxLength(ARTICLE_LIMITS.tag),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'tags use lowercase letters, digits and hyphens'),
);

/** Console: the editable fields of an article. */
export const ArticleInputSchema = v.strictObject({
  slug: ArticleSlugSchema,
  locale,
  title: v.pipe(v.string(), v.trim(), v.nonEmpty('title is empty'), v.maxLength(ARTICLE_LIMITS.title)),
  summary: v.pipe(v.string(), v.trim(), v.maxLength(ARTICLE_LIMITS.summary)),
  tags: v.pipe(v.array(tag), v.maxLength(ARTICLE_LIMITS.tags, `at most ${ARTICLE_LIMITS.tags} tags`)),
  body: v.pipe(v.string(), v.nonEmpty('body is empty'), v.maxLength(ARTICLE_LIMITS.body)),
});
export type ArticleInput = v.InferOutput<typeof ArticleInputSchema>;

const version = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Console: saving over a version; refused with `conflict` when someone saved in between. */
export const ArticleUpdateSchema = v.strictObject({ ...ArticleInputSchema.entries, expectedUpdatedAt: version });

/** Console: publish or unpublish the version on screen. */
export const ArticleVersionSchema = v.strictObject({ expectedUpdatedAt: version });

export const ArticlePreviewSchema = v.strictObject({
  body: v.pipe(v.string(), v.maxLength(ARTICLE_LIMITS.body)),
});

/** Console `GET /api/articles?status=&locale=`. */
export const ArticleListQuerySchema = v.object({
  status: v.optional(v.picklist(ARTICLE_STATUSES)),
  locale: v.optional(locale),
});

/** Console `GET /api/articles/search?q=&locale=&limit=`. */
export const ConsoleSearchQuerySchema = v.object({
  q: searchText,
  locale: v.optional(locale),
  limit: v.optional(numberParam(1, ARTICLE_LIMITS.results)),
});

/** Console `GET /api/articles/insights?days=`. */
export const InsightsQuerySchema = v.object({
  days: v.optional(numberParam(1, 365)),
});

export const ArticleIdSchema = id;

export type SearchArticles = v.InferInput<typeof SearchArticlesSchema>;
export type SuggestArticles = v.InferInput<typeof SuggestArticlesSchema>;
export type ArticleRef = v.InferInput<typeof ArticleRefSchema>;
export type ArticleFeedbackInput = v.InferInput<typeof ArticleFeedbackSchema>;
