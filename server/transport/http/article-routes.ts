// The console's help-article API: list, read, write, preview, publish; suggested edits; search while answering;
// the articles a user tried before a chat; and the self-service report. Signed-in agents only; writes from our own origin.
import express, { Router, type Request } from 'express';
import {
  ArticleIdSchema,
  ArticleInputSchema,
  ArticleListQuerySchema,
  ArticlePreviewSchema,
  ArticleUpdateSchema,
  ArticleVersionSchema,
  ConsoleSearchQuerySchema,
  InsightsQuerySchema,
} from '../../../shared/article-schemas';
import { isCjk } from '../../domain/articles/article-text';
import type { SupportServices } from '../../domain/services';
import { parse, sessionAgent } from './request-auth';
import { suggestedEditRoutes } from './suggested-edit-routes';

/** Article bodies may be long (40,000 characters, three bytes each in Chinese). */
const BODY_LIMIT = '192kb';
const SEARCH_RESULTS = 8;
const INSIGHT_DAYS = 30;

export function articleRoutes(services: SupportServices): Router {
  const { library, editing, insights } = services.articles;
  const router = Router();
  router.use(express.json({ limit: BODY_LIMIT }));
  router.use(suggestedEditRoutes(services));
  const id = (req: Request): string => parse(ArticleIdSchema, req.params.id);

  router.get('/', async (req, res) => {
    const agent = await sessionAgent(services, req);
    const filter = parse(ArticleListQuerySchema, req.query);
    res.json({ ok: true, data: await editing.list(agent, filter) });
  });

  router.get('/search', async (req, res) => {
    const agent = await sessionAgent(services, req);
    const { q, locale, limit } = parse(ConsoleSearchQuerySchema, req.query);
    // Without a locale, the script typed decides: Chinese characters look for Chinese articles first.
    const hits = await library.search(q, locale ?? (isCjk(q) ? 'zh-CN' : 'en'), limit ?? SEARCH_RESULTS, { source: 'console', id: agent.id });
    res.json({ ok: true, data: hits });
  });

  router.get('/insights', async (req, res) => {
    const agent = await sessionAgent(services, req);
    const { days } = parse(InsightsQuerySchema, req.query);
    res.json({ ok: true, data: await insights.report(agent, days ?? INSIGHT_DAYS) });
  });

  router.post('/preview', async (req, res) => {
    await sessionAgent(services, req);
    const { body } = parse(ArticlePreviewSchema, req.body);
    res.json({ ok: true, data: { html: library.preview(body) } });
  });

  router.post('/', async (req, res) => {
    const agent = await sessionAgent(services, req);
    res.status(201).json({ ok: true, data: await editing.create(agent, parse(ArticleInputSchema, req.body)) });
  });

  router.get('/:id', async (req, res) => {
    const agent = await sessionAgent(services, req);
    res.json({ ok: true, data: await editing.get(agent, id(req)) });
  });

  router.put('/:id', async (req, res) => {
    const agent = await sessionAgent(services, req);
    const { expectedUpdatedAt, ...input } = parse(ArticleUpdateSchema, req.body);
    res.json({ ok: true, data: await editing.update(agent, id(req), input, expectedUpdatedAt) });
  });

  router.post('/:id/publish', async (req, res) => {
    const agent = await sessionAgent(services, req);
    const { expectedUpdatedAt } = parse(ArticleVersionSchema, req.body);
    res.json({ ok: true, data: await editing.publish(agent, id(req), expectedUpdatedAt) });
  });

  router.post('/:id/unpublish', async (req, res) => {
    const agent = await sessionAgent(services, req);
    const { expectedUpdatedAt } = parse(ArticleVersionSchema, req.body);
    res.json({ ok: true, data: await editing.unpublish(agent, id(req), expectedUpdatedAt) });
  });

  router.delete('/:id', async (req, res) => {
    const agent = await sessionAgent(services, req);
    await editing.remove(agent, id(req));
    res.json({ ok: true, data: null });
  });

  return router;
}

/** `GET /api/conversations/:id/articles`: what the user read and still needed help with; for agents who may read the chat. */
export function conversationArticleRoutes(services: SupportServices): Router {
  const router = Router();
  router.get('/:id/articles', async (req, res) => {
    const agent = await sessionAgent(services, req);
    const conversation = await services.routing.access.readable(agent, parse(ArticleIdSchema, req.params.id));
    res.json({ ok: true, data: { conversationId: conversation.id, articles: await services.articles.feedback.tried(conversation.id) } });
  });
  return router;
}
