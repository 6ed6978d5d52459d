// The launcher's number: unread replies in the chat plus unread updates on tickets — both are news from support.
import { computed } from 'nanostores';
import { $unread } from './read-state';
import { $ticketsUnread } from './tickets';

export const $badge = computed([$unread, $ticketsUnread], (chat, tickets) => chat + tickets);
