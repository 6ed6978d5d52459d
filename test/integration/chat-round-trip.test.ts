// A student and an agent talk through a real server: queue, assignment, messages both ways, typing, close.
import { chatRoundTripSuite } from './suites/chat-round-trip';

chatRoundTripSuite();
