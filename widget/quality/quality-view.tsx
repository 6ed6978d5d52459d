// Loaded on the host's first reportQuality call (lazy.ts): folds samples and sends reports, and shows the
// "connection looks unstable" notice in a shadow root of its own — also while the panel is closed — with the
// weak-network article and "Get help", which opens a chat the console sees as proactive, carrying the
// user's quality history (the server adds it). Its words come from the widget's dictionaries through the bridge
// and follow ClassroomSupport.setLocale() while it shows.
import { render } from 'preact';
import { WEAK_NETWORK_ARTICLE, type QualityNotice, type QualitySample } from '../../shared/quality';
import { newClientId } from '../uuid';
import type { QualityBridge } from './bridge';
import { QualityFold } from './fold';
import { IncidentCard } from './incident-view';
import type { IncidentNotice } from '../../shared/incidents';
import type { IncidentTexts } from '../i18n/messages';

const STYLE = `.n{position:fixed;right:20px;bottom:88px;z-index:2147483000;max-width:300px;box-sizing:border-box;padding:12px 14px;border-radius:10px;background:#fff;color:#1d2433;border-left:4px solid #c27803;box-shadow:0 6px 20px rgba(16,24,40,.25);font:14px/1.4 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif}
.n p{margin:0 24px 6px 0;font-weight:600}.n a{color:#1a56b8}.r{display:flex;gap:8px;margin-top:10px}
.g{border:0;border-radius:6px;padding:7px 12px;background:#1a56b8;color:#fff;font:inherit;cursor:pointer}.g:hover{background:#144592}
.x{position:absolute;top:6px;right:6px;width:28px;height:28px;border:0;border-radius:50%;background:none;color:#555;font-size:18px;cursor:pointer}
.g:focus-visible,.x:focus-visible,.n a:focus-visible{outline:3px solid #1a56b8;outline-offset:2px}
.i{border-left-color:#b42318}.i .k{font-weight:400;color:#475467}.i .u{font-weight:400}`;

export function startQuality(bridge: QualityBridge): {
  report(sample: QualitySample): void;
  notice(notice: QualityNotice): void;
  incident(notice: IncidentNotice): void;
} {
  const fold = new QualityFold(() => Date.now());
  let timer: ReturnType<typeof setTimeout> | null = null;
  let container: HTMLElement | null = null;

  const flush = () => {
    timer = null;
    const report = fold.take();
    if (!report) return;
    const classroomId = bridge.context().classroomId;
    // Lost when offline: the next report says the same if it is still true. No ack: nothing here would wait for it,
    // and a school's worth of acks is half the server's work on reports (docs/performance.md).
    bridge.sendReport(classroomId ? { ...report, classroomId } : report);
  };

  let shown = false;
  /** The classroom's incident, while the user has not dismissed it: shown instead of the help offer. */
  let incident: IncidentNotice | null = null;
  let incidentDismissed = false;
  const hide = () => {
    shown = false;
    incidentDismissed = incident !== null;
    if (container) render(null, container);
  };

  const getHelp = async () => {
    hide();
    bridge.openPanel();
    const started = await bridge
      .request('conversation:start', { clientId: newClientId(), context: bridge.context(), proactive: 'quality' })
      .catch(() => null);
    if (started?.ok) bridge.showConversation(started.data);
  };

  const draw = () => {
    if (incident && !incidentDismissed) return drawIncident(incident);
    const w = bridge.texts.get();
    // The language's texts are still on their way: the subscription below draws once they are here.
    if (!shown || !container || typeof w.title !== 'string') return;
    const lang = bridge.locale().startsWith('zh') ? 'zh-CN' : 'en';
    render(
      <section class="n" aria-label={w.label} lang={lang}>
        <p role="status">{w.title}</p>
        <a href={`${bridge.server}/help/${WEAK_NETWORK_ARTICLE}?lang=${lang}`} target="_blank" rel="noopener">
          {w.tips}
        </a>
        <div class="r">
          <button type="button" class="g" onClick={() => void getHelp()}>
            {w.help}
          </button>
        </div>
        <button type="button" class="x" aria-label={w.dismiss} title={w.dismiss} onClick={hide}>
          ×
        </button>
      </section>,
      container,
    );
  };

  const drawIncident = (notice: IncidentNotice) => {
    const w = bridge.incidentTexts.get();
    if (!container || typeof w.title !== 'string') return;
    const lang = bridge.locale().startsWith('zh') ? 'zh-CN' : 'en';
    render(<IncidentCard notice={notice} texts={w as IncidentTexts} lang={lang} onDismiss={hide} />, container);
  };

  const show = () => {
    if (!container) {
      const host = document.createElement('classroom-support-notice');
      const root = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = STYLE;
      container = document.createElement('div');
      root.append(style, container);
      document.body.append(host);
      // Watching the texts loads them, and redraws the notice in a new language when the widget switches.
      bridge.texts.subscribe(draw);
      bridge.incidentTexts.subscribe(draw);
    }
    shown = true;
    draw();
  };

  return {
    report(sample) {
      bridge.connect();
      if (fold.add(sample) && !timer) timer = setTimeout(flush, fold.dueIn());
    },
    notice() {
      // While the classroom's incident is open the user already knows support is on it: no chat of their own.
      if (incident && !incident.resolved) return;
      show();
    },
    incident(notice) {
      incident = notice;
      incidentDismissed = false;
      show();
    },
  };
}
