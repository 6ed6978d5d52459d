// On call (admins): the rota of one organisation in its time zone — who is on call now, the shifts per tier, the
// team chats pages are posted to — and its recent pages with an Acknowledge button.
import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import { CHAT_FORMATS, ONCALL_TIERS, type ChatFormat, type OncallTier, type PageView } from '../../../../shared/paging';
import { texts } from '../../i18n/i18n';
import { $adminAgents, $adminOrganisations, loadAdminAgents, loadAdminOrganisations } from '../../state/admin';
import { $oncall, acknowledgePage, addChannel, addShift, deleteChannel, deleteShift, loadOncall, saveTimeZone } from '../../state/oncall';
import { formatFull } from '../format';
import { TableHead } from '../TableHead';

const oncallText = texts('oncall');
const ZONE_EXAMPLE = 'Asia/Shanghai';
const ZONE_SLOT = '\u0000';
type T = ReturnType<typeof oncallText.get>;

const tierName = (t: T, tier: OncallTier) => ({ L1: t.tierL1, L2: t.tierL2, account_manager: t.tierAccountManager })[tier];
const reasonName = (t: T, reason: PageView['reason']) =>
  ({ p1_ticket: t.reasonP1, callback: t.reasonCallback, sla_warning: t.reasonSlaWarning, sla_breach: t.reasonSlaBreach })[reason];
const statusName = (t: T, status: PageView['status']) =>
  ({ paging: t.statusPaging, acknowledged: t.statusAcknowledged, unanswered: t.statusUnanswered, cancelled: t.statusCancelled })[status];
/** Page times in the console's language and the agent's time zone, like every other date in the console. */
const when = formatFull;

export function OncallAdmin() {
  const t = useStore(oncallText);
  const orgs = useStore($adminOrganisations).items;
  const state = useStore($oncall);
  useEffect(() => {
    void loadAdminOrganisations();
    void loadAdminAgents();
  }, []);
  // Fresh each time the tab opens: pages change while it is closed.
  useEffect(() => {
    const org = state.organisationId ?? orgs?.[0]?.id;
    if (org) void loadOncall(org);
  }, [orgs]);
  return (
    <section aria-labelledby="oncall-admin-title" class="oncall-admin">
      <h2 id="oncall-admin-title">{t.title}</h2>
      <p class="muted small">{t.lead}</p>
      <label>
        {t.organisation}
        <select value={state.organisationId ?? ''} onChange={(e) => void loadOncall(e.currentTarget.value)}>
          {(orgs ?? []).map((o) => (
            <option key={o.id} value={o.id} translate={false}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      {state.error && (
        <p role="alert" class="alert">
          {state.error}
        </p>
      )}
      <p role="status" class="muted small">
        {state.busy ? t.working : state.done ? t[state.done] : ''}
      </p>
      {!state.view ? (
        <p class="muted">{t.loading}</p>
      ) : (
        <>
          <TimeZoneForm key={`${state.organisationId}-${state.view.timeZone}`} current={state.view.timeZone} />
          <OnCallNow />
          <Shifts />
          <TeamChats />
          <Pages />
        </>
      )}
    </section>
  );
}

function TimeZoneForm({ current }: { current: string }) {
  const t = useStore(oncallText);
  const { busy } = useStore($oncall);
  const [zone, setZone] = useState(current);
  return (
    <form
      class="admin-form card"
      onSubmit={(e) => {
        e.preventDefault();
        void saveTimeZone(zone.trim());
      }}
    >
      <label>
        {t.timeZone}
        <input value={zone} onInput={(e) => setZone(e.currentTarget.value)} aria-describedby="oncall-zone-hint" required />
      </label>
      {/* The example is a zone's IANA name, typed as it is in any language. */}
      <span id="oncall-zone-hint" class="muted small">
        {t.timeZoneHint({ example: ZONE_SLOT }).split(ZONE_SLOT)[0]}
        <code>{ZONE_EXAMPLE}</code>
        {t.timeZoneHint({ example: ZONE_SLOT }).split(ZONE_SLOT)[1]}
      </span>
      <button type="submit" disabled={busy || zone.trim() === current}>
        {t.save}
      </button>
    </form>
  );
}

function OnCallNow() {
  const t = useStore(oncallText);
  const view = useStore($oncall).view!;
  return (
    <section aria-labelledby="oncall-now-title">
      <h3 id="oncall-now-title">{t.nowTitle}</h3>
      <dl class="oncall-now">
        {ONCALL_TIERS.map((tier) => (
          <div key={tier}>
            <dt>{tierName(t, tier)}</dt>
            <dd translate={false}>{view.now[tier]?.agentName ?? <span translate>{t.nobody}</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Shifts() {
  const t = useStore(oncallText);
  const { view, busy } = useStore($oncall);
  const agents = (useStore($adminAgents).items ?? []).filter((a) => a.active);
  const [tier, setTier] = useState<OncallTier>('L1');
  const [agentId, setAgentId] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const shifts = view!.shifts;
  return (
    <section aria-labelledby="oncall-shifts-title">
      <h3 id="oncall-shifts-title">
        {t.shiftsTitle} <span class="muted small">({view!.timeZone})</span>
      </h3>
      {shifts.length === 0 ? (
        <p class="muted">{t.noShifts}</p>
      ) : (
        <table class="admin-table" aria-labelledby="oncall-shifts-title">
          <TableHead columns={[t.tier, t.agent, t.startsAt, t.endsAt, '']} hidden={{ 4: t.delete }} />
          <tbody>
            {shifts.map((s) => (
              <tr key={s.id}>
                <td>{tierName(t, s.tier)}</td>
                <td translate={false}>{s.agentName}</td>
                <td>{s.startsAt.replace('T', ' ')}</td>
                <td>{s.endsAt.replace('T', ' ')}</td>
                <td>
                  <button
                    type="button"
                    class="quiet"
                    disabled={busy}
                    aria-label={t.deleteShift({ name: s.agentName, start: s.startsAt.replace('T', ' ') })}
                    onClick={() => void deleteShift(s.id)}
                  >
                    {t.delete}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        class="admin-form card"
        aria-label={t.addShift}
        onSubmit={async (e) => {
          e.preventDefault();
          // What was typed stays when the server refuses it (the error says why).
          if (await addShift({ tier, agentId, startsAt, endsAt })) {
            setStartsAt('');
            setEndsAt('');
          }
        }}
      >
        <label>
          {t.tier}
          <select value={tier} onChange={(e) => setTier(e.currentTarget.value as OncallTier)}>
            {ONCALL_TIERS.map((x) => (
              <option key={x} value={x}>
                {tierName(t, x)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.agent}
          <select value={agentId} onChange={(e) => setAgentId(e.currentTarget.value)} required>
            <option value="" />
            {agents.map((a) => (
              <option key={a.id} value={a.id} translate={false}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.startsAt}
          <input type="datetime-local" value={startsAt} onInput={(e) => setStartsAt(e.currentTarget.value)} required />
        </label>
        <label>
          {t.endsAt}
          <input type="datetime-local" value={endsAt} onInput={(e) => setEndsAt(e.currentTarget.value)} required />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {t.addShift}
        </button>
      </form>
    </section>
  );
}

function TeamChats() {
  const t = useStore(oncallText);
  const { view, busy } = useStore($oncall);
  const [url, setUrl] = useState('');
  const [format, setFormat] = useState<ChatFormat>('slack');
  const channels = view!.channels;
  return (
    <section aria-labelledby="oncall-chats-title">
      <h3 id="oncall-chats-title">{t.chatsTitle}</h3>
      {channels.length === 0 ? (
        <p class="muted">{t.noChats}</p>
      ) : (
        <ul class="plain-list">
          {channels.map((c) => (
            <li key={c.id}>
              <span translate={false}>{c.format}</span> · <code translate={false}>{c.url}</code>{' '}
              <button type="button" class="quiet" disabled={busy} aria-label={t.deleteChat({ url: c.url })} onClick={() => void deleteChannel(c.id)}>
                {t.delete}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="admin-form card"
        aria-label={t.addChat}
        onSubmit={async (e) => {
          e.preventDefault();
          if (await addChannel({ url: url.trim(), format })) setUrl('');
        }}
      >
        <label>
          {t.chatUrl}
          <input type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} required />
        </label>
        <label>
          {t.chatFormat}
          <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ChatFormat)}>
            {CHAT_FORMATS.map((f) => (
              <option key={f} value={f} translate={false}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {t.addChat}
        </button>
      </form>
    </section>
  );
}

function Pages() {
  const t = useStore(oncallText);
  const { pages, busy } = useStore($oncall);
  return (
    <section aria-labelledby="oncall-pages-title">
      <h3 id="oncall-pages-title">{t.pagesTitle}</h3>
      {!pages || pages.length === 0 ? (
        <p class="muted">{t.noPages}</p>
      ) : (
        <table class="admin-table" aria-labelledby="oncall-pages-title">
          <TableHead columns={[t.ticket, t.reason, t.paged, t.status, '']} hidden={{ 4: t.acknowledge }} />
          <tbody>
            {pages.map((p) => (
              <tr key={p.id}>
                <td translate={false}>
                  {p.ticketNumber} {p.ticketSubject}
                </td>
                <td>{reasonName(t, p.reason)}</td>
                <td translate={false}>
                  {p.steps
                    .filter((s) => s.agentName)
                    .map((s) => `${s.agentName} (${when(s.at)})`)
                    .join(' → ')}
                </td>
                <td>
                  {statusName(t, p.status)}
                  {p.escalatesAt !== null && <div class="muted small">{t.escalates({ time: when(p.escalatesAt) })}</div>}
                </td>
                <td>
                  {(p.status === 'paging' || p.status === 'unanswered') && (
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={t.acknowledgeTicket({ ticket: p.ticketNumber })}
                      onClick={() => void acknowledgePage(p.id)}
                    >
                      {t.acknowledge}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
