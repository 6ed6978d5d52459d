// Assembles the dialect-neutral Kysely queries into the domain's Store port.
import { Migrator, type Kysely } from 'kysely';
import type { Store } from '../../domain/ports';
import { migrationProvider } from '../migrations/index';
import type { Database } from '../schema';
import { accountQueries } from './accounts';
import { agentQueries } from './agents';
import { articleQueries } from './articles';
import { conversationQueries } from './conversations';
import type { DialectTraits } from './dialect';
import { messageQueries } from './messages';
import { organisationQueries } from './organisations';
import { readStateQueries } from './read-state';
import { adminQueries } from './admin';
import { cannedReplyQueries } from './canned-replies';
import { chatMoveQueries } from './chat-moves';
import { internalNoteQueries } from './internal-notes';
import { routingQueries } from './routing';
import { suggestedEditQueries } from './suggested-edits';
import { ticketQueries } from './tickets';
import { auditLogQueries } from './audit-log';
import { clusterJobQueries } from './cluster-jobs';
import { endUserDataQueries } from './end-user-data';
import { retentionQueries } from './retention';
import { supportPlanQueries } from './support-plans';
import { monitoringQueries } from './monitoring';
import { incidentQueries } from './incidents';
import { webhookQueries } from './webhooks';
import { emailNoticeQueries } from './email-notices';
import { ticketLoadQueries } from './ticket-loads';
import { reportQueries } from './reports';
import { satisfactionQueries } from './satisfaction';
import { deskQueries } from './desk';
import { pagingQueries } from './paging';

export function kyselyStore(db: Kysely<Database>, traits: DialectTraits): Store {
  return {
    async migrate() {
      // Migrations from features developed side by side may land in any order; each is independent.
      const { error } = await new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true }).migrateToLatest();
      if (error) throw error;
    },
    close: () => db.destroy(),
    durable: async () => {},
    ...organisationQueries(db),
    ...agentQueries(db),
    ...conversationQueries(db, traits),
    ...messageQueries(db, traits),
    ...articleQueries(db, traits),
    ...suggestedEditQueries(db),
    ...readStateQueries(db),
    ...routingQueries(db),
    ...chatMoveQueries(db),
    ...internalNoteQueries(db, traits),
    ...cannedReplyQueries(db),
    ...adminQueries(db, traits),
    ...ticketQueries(db, traits),
    ...auditLogQueries(db),
    ...clusterJobQueries(db),
    ...retentionQueries(db),
    ...endUserDataQueries(db),
    ...accountQueries(db),
    ...supportPlanQueries(db, traits),
    ...monitoringQueries(db),
    ...incidentQueries(db, traits),
    ...webhookQueries(db),
    ...emailNoticeQueries(db),
    ...ticketLoadQueries(db),
    ...reportQueries(db),
    ...satisfactionQueries(db),
    ...deskQueries(db),
    ...pagingQueries(db),
  };
}
