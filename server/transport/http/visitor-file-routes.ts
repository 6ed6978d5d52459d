// The widget's file transfers: uploads and downloads on the host page's origin, authorised by signed grants.
import { Router, type Request, type Response } from 'express';
import { DomainError } from '../../domain/errors';
import type { SupportServices } from '../../domain/services';
import { attachmentView } from '../../domain/tickets/ticket-views';
import { incomingFile, receiving, sendAttachment } from './file-transfer';

/**
 * The widget runs on customers' pages, so these answer cross-origin requests. No cookies are involved:
 * the grant in the Authorization header (uploads) or the link (downloads) is the whole authority.
 */
function allowCrossOrigin(req: Request, res: Response): void {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Vary', 'Origin');
  res.setHeader('Access-Control-Allow-Methods', 'POST, GET');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-File-Name, X-Upload-Id');
  res.setHeader('Access-Control-Max-Age', '600');
}

const grantOf = (req: Request): string | undefined => {
  const [scheme, token] = (req.get('authorization') ?? '').split(' ');
  return scheme === 'Grant' ? token : undefined;
};

export function visitorFileRoutes(services: SupportServices): Router {
  const { grants, tickets, attachments } = services.tickets;
  const router = Router();
  router.use((req, res, next) => {
    allowCrossOrigin(req, res);
    if (req.method === 'OPTIONS') res.status(204).end();
    else next();
  });

  router.post('/tickets/:id/attachments', async (req, res) => {
    const record = await receiving(req, res, async () => {
      const { organisation, user, subjectId } = await grants.verify(grantOf(req), 'upload');
      // A grant for one ticket never opens another, and only the organisation's own pages may use it.
      if (subjectId !== req.params.id) throw new DomainError('forbidden', 'This upload grant is for another ticket');
      const origin = req.headers.origin;
      if (origin && !organisation.allowedOrigins.includes(origin))
        throw new DomainError('origin_not_allowed', `Origin ${origin} may not upload here`);
      await services.floods.take('visitor.upload', { actor: user.id });
      return attachments.add({ kind: 'customer', user }, await tickets.ownedBy(user, subjectId), incomingFile(req));
    });
    res.status(201).json({ ok: true, data: attachmentView(record) });
  });

  router.get('/attachments/:id', async (req, res) => {
    const { user, subjectId } = await grants.verify(typeof req.query.grant === 'string' ? req.query.grant : undefined, 'download');
    if (subjectId !== req.params.id) throw new DomainError('forbidden', 'This link is for another file');
    const { record, body } = await attachments.open(await tickets.ownedBy(user, await attachments.ticketOf(subjectId)), subjectId);
    // Screenshots may be shown in the widget on the customer's page.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    await sendAttachment(res, record, body);
  });
  return router;
}
