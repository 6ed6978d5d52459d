// Attachments remember the uploader's upload id, so a resent upload (after a lost answer or a reload) is stored once.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Uploader + client-generated upload id; null for uploads that named none (they are never deduplicated).
  await db.schema.alterTable('ticket_attachments').addColumn('upload_key', 'text').execute();
  // Unique per ticket: a repeat that raced past the domain's check still cannot land twice. NULLs never collide.
  await db.schema.createIndex('ticket_attachments_upload_key').on('ticket_attachments').columns(['ticket_id', 'upload_key']).unique().execute();
}
