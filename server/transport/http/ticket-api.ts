// Mounts every ticket route under /api; the express app adds it before its general JSON body parser.
import { Router } from 'express';
import type { SupportServices } from '../../domain/services';
import { apiTokenRoutes, slaPolicyRoutes } from './ticket-admin-routes';
import { ticketRoutes } from './ticket-routes';
import { visitorFileRoutes } from './visitor-file-routes';

export function ticketApi(services: SupportServices): Router {
  const router = Router();
  router.use('/api/tickets', ticketRoutes(services));
  router.use('/api/sla-policy', slaPolicyRoutes(services));
  router.use('/api/api-tokens', apiTokenRoutes(services));
  router.use('/api/visitor', visitorFileRoutes(services));
  return router;
}
