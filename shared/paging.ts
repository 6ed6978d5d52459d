// On-call paging, shared by server and console: tiers on the rota, why a page goes out, the team-chat formats,
// the views the REST API answers with and the schemas of what admins send.
import * as v from 'valibot';
import type { Tier } from './model';

/** Tiers on the rota, in the order a page climbs when nobody acknowledges. */
export const ONCALL_TIERS = ['L1', 'L2', 'account_manager'] as const satisfies readonly Tier[];
export type OncallTier = (typeof ONCALL_TIERS)[number];

/** Nobody acknowledged within this time: the next tier up is paged. */
export const ACKNOWLEDGE_WITHIN_MS = 10 * 60_000;

export const PAGE_REASONS = ['p1_ticket', 'callback', 'sla_warning', 'sla_breach'] as const;
export type PageReason = (typeof PAGE_REASONS)[number];

export const PAGE_STATUSES = ['paging', 'acknowledged', 'unanswered', 'cancelled'] as const;
/** `unanswered`: every tier was paged and nobody acknowledged; `cancelled`: the ticket was solved or closed first. */
export type PageStatus = (typeof PAGE_STATUSES)[number];

/** Incoming-webhook payload shapes of the team chats pages are posted to. */
export const CHAT_FORMATS = ['json', 'slack', 'feishu', 'dingtalk', 'wecom'] as const;
export type ChatFormat = (typeof CHAT_FORMATS)[number];

export interface OncallShiftView {
  id: string;
  tier: OncallTier;
  agentId: string;
  agentName: string;
  /** Wall time in the rota's time zone, 'YYYY-MM-DDTHH:mm'. */
  startsAt: string;
  endsAt: string;
  /** The same instants as epoch ms. */
  startsAtMs: number;
  endsAtMs: number;
}

export interface PagingChannelView {
  id: string;
  /** Shown shortened: incoming-webhook URLs carry their token in the path or query. */
  url: string;
  format: ChatFormat;
  createdAt: number;
}

export interface OncallView {
  organisationId: string;
  timeZone: string;
  shifts: OncallShiftView[];
  channels: PagingChannelView[];
  /** Who is on call now per tier (null: nobody). */
  now: Record<OncallTier, { agentId: string; agentName: string } | null>;
}

export interface PageStepView {
  at: number;
  tier: OncallTier;
  agentId: string | null;
  agentName: string | null;
  /** 'sent', 'failed', 'off' (no SMTP) or 'none' (nobody on call in this tier). */
  email: 'sent' | 'failed' | 'off' | 'none';
  /** Per team chat: delivered or why not. */
  chats: Array<{ channelId: string; ok: boolean; detail: string }>;
}

export interface PageView {
  id: string;
  organisationId: string;
  ticketId: string;
  ticketNumber: string;
  ticketSubject: string;
  reason: PageReason;
  status: PageStatus;
  tier: OncallTier | null;
  agentId: string | null;
  /** When it pages the next tier up, while nobody has acknowledged. */
  escalatesAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  steps: PageStepView[];
  createdAt: number;
}

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const wallTime = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'a local date and time, YYYY-MM-DDTHH:mm'));

export const MAX_SHIFTS_PER_ORGANISATION = 500;
export const MAX_CHANNELS_PER_ORGANISATION = 10;
/** The longest one shift may be. */
export const MAX_SHIFT_MS = 31 * 24 * 3600_000;

export const OncallTimeZoneSchema = v.strictObject({
  timeZone: v.pipe(v.string(), v.maxLength(64), v.check(isTimeZone, 'not a known IANA time zone')),
});

export const CreateShiftSchema = v.strictObject({
  tier: v.picklist(ONCALL_TIERS, 'tier must be L1, L2 or account_manager'),
  agentId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  startsAt: wallTime,
  endsAt: wallTime,
});

export const CreateChannelSchema = v.strictObject({
  url: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(2000),
    v.check((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'url must be an http or https URL'),
    v.check((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), 'url must not contain credentials'),
  ),
  format: v.picklist(CHAT_FORMATS, 'format must be json, slack, feishu, dingtalk or wecom'),
});

export const PagesQuerySchema = v.strictObject({
  organisationId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
  status: v.optional(v.picklist(PAGE_STATUSES)),
  /** One ticket's pages (the ticket view shows them with their acknowledge button). */
  ticketId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
});

export type CreateShiftInput = v.InferOutput<typeof CreateShiftSchema>;
export type CreateChannelInput = v.InferOutput<typeof CreateChannelSchema>;
