// Canned replies: every agent reads them ("/" in the reply box), administrators write them.
import type { CannedReplyInput } from '../../../shared/admin-schemas';
import type { CannedReply } from '../../../shared/routing-model';
import { DomainError } from '../errors';
import type { DomainEvents } from '../events';
import type { Clock, Store } from '../ports';
import type { Agent } from '../records';
import { requireRole } from '../roles';

export class CannedReplies {
  constructor(private readonly deps: { store: Store; events: DomainEvents; clock: Clock; newId: () => string }) {}

  list(): Promise<CannedReply[]> {
    return this.deps.store.listCannedReplies();
  }

  async create(actor: Agent, input: CannedReplyInput): Promise<CannedReply> {
    requireRole(actor, 'admin');
    const reply = { id: this.deps.newId(), ...input, updatedAt: this.deps.clock.now() };
    await this.unique(() => this.deps.store.createCannedReply(reply), input.shortcut);
    this.changed();
    return reply;
  }

  async update(actor: Agent, id: string, input: CannedReplyInput): Promise<CannedReply> {
    requireRole(actor, 'admin');
    const reply = { id, ...input, updatedAt: this.deps.clock.now() };
    const updated = await this.unique(() => this.deps.store.updateCannedReply(reply), input.shortcut);
    if (!updated) throw new DomainError('not_found', 'No such canned reply');
    this.changed();
    return reply;
  }

  async remove(actor: Agent, id: string): Promise<void> {
    requireRole(actor, 'admin');
    if (!(await this.deps.store.deleteCannedReply(id))) throw new DomainError('not_found', 'No such canned reply');
    this.changed();
  }

  private async unique<T>(write: () => Promise<T>, shortcut: string): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (this.deps.store.isUniqueViolation(error)) throw new DomainError('conflict', `The shortcut /${shortcut} is taken`);
      throw error;
    }
  }

  private changed(): void {
    this.deps.events.emit({ type: 'canned_replies.changed' });
  }
}
