// window.ClassroomSupport.reportQuality: the folding and the notice live in quality.js, loaded on the first
// call after init; samples given meanwhile wait for it. Kept tiny: it is in the start-up bundle.
import type { QualityNotice, QualitySample } from '../../shared/quality';
import type { IncidentNotice } from '../../shared/incidents';
import { incidentText, qualityText } from '../i18n/messages';
import { loadQuality } from '../lazy';
import { applyConversation } from './conversation';
import { currentContext } from './host-context';
import { help } from './help';
import { tickets } from './tickets';
import { openPanel } from './ui';
import { request, sendQualityReport } from './wire';

type Started = ReturnType<Awaited<ReturnType<typeof loadQuality>>['startQuality']>;

let quality: Started | null = null;
let waiting: QualitySample[] = [];
let loading = false;
/** Set by start(): connects the widget once, if it has not yet. */
export const link = { connect: () => {} };

let incident: IncidentNotice | null = null;

function load(): void {
  if (loading || !tickets.server) return;
  loading = true;
  loadQuality(tickets.server).then(
    (m) => {
      quality = m.startQuality({
        server: tickets.server,
        locale: () => help.locale,
        texts: qualityText,
        incidentTexts: incidentText,
        request,
        sendReport: sendQualityReport,
        connect: () => link.connect(),
        context: currentContext,
        showConversation: applyConversation,
        openPanel,
      });
      for (const s of waiting) quality.report(s);
      waiting = [];
      if (incident) quality.incident(incident);
    },
    () => (loading = false),
  );
}

export function reportQuality(sample: QualitySample): void {
  if (quality) return quality.report(sample);
  if (waiting.push(sample) > 10) waiting.shift();
  load();
}

export const noticeQuality = (notice: QualityNotice): void => quality?.notice(notice);

/** The user's classroom has an incident (or it was updated or resolved): shown even before any report. */
export function noticeIncident(notice: IncidentNotice): void {
  incident = notice;
  if (quality) quality.incident(notice);
  else load();
}
