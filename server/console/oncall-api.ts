// The console's client of the on-call rota and paging routes (docs/api.md#on-call-rota-and-paging).
import type { ChatFormat, OncallShiftView, OncallTier, OncallView, PageView, PagingChannelView } from '../../shared/paging';
import { call } from './api';

const base = (org: string) => `/api/admin/organisations/${org}/oncall`;

export const oncallApi = {
  view: (org: string) => call<OncallView>('GET', base(org)),
  setTimeZone: (org: string, timeZone: string) => call<{ timeZone: string }>('PUT', `${base(org)}/time-zone`, { timeZone }),
  addShift: (org: string, input: { tier: OncallTier; agentId: string; startsAt: string; endsAt: string }) =>
    call<OncallShiftView>('POST', `${base(org)}/shifts`, input),
  deleteShift: (org: string, id: string) => call<{ id: string }>('DELETE', `${base(org)}/shifts/${id}`),
  addChannel: (org: string, input: { url: string; format: ChatFormat }) => call<PagingChannelView>('POST', `${base(org)}/channels`, input),
  deleteChannel: (org: string, id: string) => call<{ id: string }>('DELETE', `${base(org)}/channels/${id}`),
  pages: (org: string) => call<PageView[]>('GET', `/api/paging/pages?organisationId=${encodeURIComponent(org)}`),
  ticketPages: (ticketId: string) => call<PageView[]>('GET', `/api/paging/pages?ticketId=${encodeURIComponent(ticketId)}`),
  acknowledge: (id: string) => call<PageView>('POST', `/api/paging/pages/${id}/acknowledge`),
};
