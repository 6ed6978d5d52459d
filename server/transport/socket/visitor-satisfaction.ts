// The widget's "How did we do?": the user's rating of a chat that ended or a ticket that was resolved.
import type { SupportServices } from '../../domain/services';
import type { OnVisitorRequest } from './handler';
import type { VisitorSocket } from './types';

export function listenForSatisfaction(on: OnVisitorRequest, socket: VisitorSocket, services: SupportServices): void {
  const { user } = socket.data;
  const who = { connection: socket.id, actor: user.id };
  on('satisfaction:rate', async (input) => {
    // A rating is a message of sorts (it carries a comment): the same flood bucket.
    await services.floods.take('visitor.message', who);
    return services.satisfaction.rate(user, input);
  });
}
