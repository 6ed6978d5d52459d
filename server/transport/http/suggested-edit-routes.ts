// The console's API for suggested edits to published articles: propose, list, review, apply, dismiss.
// Mounted inside the article routes (same session check, same body limit), before their `/:id` routes.
import { Router, type Request } from 'express';
import { ArticleIdSchema } from '../../../shared/article-schemas';
import { SuggestEditSchema, SuggestedEditListQuerySchema } from '../../../shared/suggested-edit-schemas';
import type { SupportServices } from '../../domain/services';
import { parse, sessionAgent } from './request-auth';

export function suggestedEditRoutes(services: SupportServices): Router {
  const edits = services.articles.suggestedEdits;
  const router = Router();
  const id = (req: Request): string => parse(ArticleIdSchema, req.params.id);

  router.get('/suggested-edits', async (req, res) => {
    const agent = await sessionAgent(services, req);
    res.json({ ok: true, data: await edits.list(agent, parse(SuggestedEditListQuerySchema, req.query)) });
  });

  router.get('/suggested-edits/:id', async (req, res) => {
    const agent = await sessionAgent(services, req);
    res.json({ ok: true, data: await edits.get(agent, id(req)) });
  });

  router.post('/suggested-edits/:id/apply', async (req, res) => {
    const agent = await sessionAgent(services, req);
    res.json({ ok: true, data: await edits.apply(agent, id(req)) });
  });

  router.post('/suggested-edits/:id/dismiss', async (req, res) => {
    const agent = await sessionAgent(services, req);
    res.json({ ok: true, data: await edits.dismiss(agent, id(req)) });
  });

  router.post('/:id/suggested-edits', async (req, res) => {
    const agent = await sessionAgent(services, req);
    res.status(201).json({ ok: true, data: await edits.suggest(agent, id(req), parse(SuggestEditSchema, req.body)) });
  });

  return router;
}
