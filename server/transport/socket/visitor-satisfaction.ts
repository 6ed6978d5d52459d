// The widget's "How did we do?": the user's rating of a chat that ended or a ticket that was resolved.
import { RateSchema } from '../../../shared/satisfaction';
import type { SupportServices } from '../../domain/services';
import { handle, type HandlerContext } from './handler';
import { listen, type VisitorSocket } from './types';

export function listenForSatisfaction(socket: VisitorSocket, services: SupportServices, ctx: HandlerContext): void {
  const { user } = socket.data;
  const who = { connection: socket.id, actor: user.id };
  listen(socket, 'satisfaction:rate', handle(ctx, 'satisfaction:rate', RateSchema, async (input) => {
    // A rating is a message of sorts (it carries a comment): the same flood bucket.
    await services.floods.take('visitor.message', who);
    return services.satisfaction.rate(user, input);
  }));
}
