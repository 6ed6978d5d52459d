// The ticket REST API against a real server: session and API-token access, filters, bad input, the 7 routes.
import { ticketsApiSuite } from './suites/tickets-api';

ticketsApiSuite();
