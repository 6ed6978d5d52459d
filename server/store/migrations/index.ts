// The one migration set for every dialect, in order; Kysely's Migrator records which ran.
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial';
import * as organisationSupport from './002-organisation-support';
import * as readState from './003-read-state';
import * as routing from './004-routing';
import * as articles from './005-articles';
import * as tickets from './006-tickets';
import * as attachmentUploadKeys from './007-attachment-upload-keys';
import * as articleSuggestedEdits from './008-article-suggested-edits';
import * as apiTokenScope from './009-api-token-scope';
import * as accounts from './010-accounts';
import * as personalData from './011-personal-data';
import * as noticesAndLanguages from './012-notices-and-languages';
import * as integrations from './014-integrations';
import * as emailNotices from './014b-email-notices';
import * as supportPlans from './015-support-plans';
import * as qualityMonitoring from './013-quality-monitoring';
import * as satisfaction from './016-satisfaction';
import * as incidents from './017-incidents';
import * as paging from './018-paging';
import * as desk from './019-desk';
import * as webhookShutOffCodes from './023-webhook-shut-off-codes';
import * as agentTimeZone from './020-agent-time-zone';

const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-organisation-support': organisationSupport,
  '003-read-state': readState,
  '004-routing': routing,
  '005-articles': articles,
  '006-tickets': tickets,
  '007-attachment-upload-keys': attachmentUploadKeys,
  '008-article-suggested-edits': articleSuggestedEdits,
  '009-api-token-scope': apiTokenScope,
  '010-accounts': accounts,
  '011-personal-data': personalData,
  '012-notices-and-languages': noticesAndLanguages,
  '014-integrations': integrations,
  '014b-email-notices': emailNotices,
  '015-support-plans': supportPlans,
  '013-quality-monitoring': qualityMonitoring,
  '016-satisfaction': satisfaction,
  '017-incidents': incidents,
  '018-paging': paging,
  '019-desk': desk,
  '023-webhook-shut-off-codes': webhookShutOffCodes,
  '020-agent-time-zone': agentTimeZone,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
