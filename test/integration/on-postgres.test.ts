// Representative integration suites run a second time on PostgreSQL in every `npm test` (messaging, routing and
// ticket numbering through a real server); TEST_STORE=postgres runs all of them on it. The suites are functions,
// not re-imported test files, so they register again even when test files share one module graph.
import { chatRoundTripSuite } from './suites/chat-round-trip';
import { ticketsApiSuite } from './suites/tickets-api';

chatRoundTripSuite('postgres');
ticketsApiSuite('postgres');
