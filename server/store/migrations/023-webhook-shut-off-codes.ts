// Why a webhook was turned off is stored as a code with its values (JSON { code, lastAnswer }), rendered in each
// reader's language. Rows written before said it in English ("Deliveries failed for 24 hours (last answer: …)");
// they become the same code with the receiver's last answer kept. The pattern is frozen here on purpose.
import type { Kysely } from 'kysely';

/** Just the columns the back-fill touches. */
interface Columns {
  webhooks: { id: string; disabled_reason: string | null };
}

const ENGLISH = /^Deliveries failed for 24 hours \(last answer: ([\s\S]*)\)$/;

/** The stored value for a reason written in English before this migration (unknown text kept as the answer). */
export function shutOffFromLegacyText(text: string): string {
  return JSON.stringify({ code: 'deliveries_failed', lastAnswer: ENGLISH.exec(text)?.[1] ?? text });
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const typed = db as unknown as Kysely<Columns>;
  // Few rows: only endpoints that kept failing for a day and were not turned on again.
  const rows = await typed.selectFrom('webhooks').select(['id', 'disabled_reason']).where('disabled_reason', 'is not', null).execute();
  for (const row of rows) {
    if (row.disabled_reason === null || row.disabled_reason.startsWith('{')) continue;
    await typed
      .updateTable('webhooks')
      .set({ disabled_reason: shutOffFromLegacyText(row.disabled_reason) })
      .where('id', '=', row.id)
      .execute();
  }
}
