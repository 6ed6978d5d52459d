// Type test of the npm entry `classroom-support/widget`, checked by `npm run typecheck` (never run): what a host
// app may write compiles, and the mistakes below must stay errors (@ts-expect-error fails when they compile).
import DefaultExport, {
  ClassroomSupport,
  type ClassroomSupportApi,
  type HostEvents,
  type InitOptions,
  type QualityReport,
  type TicketUpdatedEvent,
  type WidgetErrorEvent,
} from 'classroom-support/widget';

const api: ClassroomSupportApi = ClassroomSupport;
const same: typeof ClassroomSupport = DefaultExport;

const options: InitOptions = {
  server: 'https://support.example.com',
  appKey: 'k',
  token: () => Promise.resolve('jwt'),
  user: { name: 'Ada', role: 'student' },
  context: { classroomId: 'physics-101', liveClass: true, network: { rttMs: 80 }, lesson: 'Waves' },
  locale: 'zh-CN',
};
api.init(options);
api.init({ appKey: 'k', token: 'jwt' });
api.setContext({ classroomId: 'physics-102' });

const onUnread = (count: number) => void count.toFixed();
api.on('unread', onUnread);
api.off('unread', onUnread);
api.on('ready', () => {});
api.on('open', () => {});
api.on('close', () => {});
api.on('ticket:updated', (ticket: TicketUpdatedEvent) => {
  const closed: boolean = ticket.status === 'closed' || ticket.status === 'resolved';
  return [ticket.number.trim(), closed, ticket.hasNewReply === true];
});
api.on('error', (error: WidgetErrorEvent) => error.code.length + error.message.length);
const handler: HostEvents['unread'] = onUnread;
api.on('unread', handler);

const report: QualityReport = { rttMs: 420, packetLossPct: 6, jitterMs: 30, freezes: 1, audioLevelLow: false, sdkNetworkQuality: 4 };
api.reportQuality(report);
same.open();
same.close();

// @ts-expect-error an appKey is required
api.init({ server: 'https://support.example.com' });
// @ts-expect-error the token is a string or a function returning a promise of one
api.init({ appKey: 'k', token: 42 });
// @ts-expect-error no such event
api.on('message', () => {});
// @ts-expect-error unread hands over a number
api.on('unread', (count: string) => count);
// @ts-expect-error ticket:updated hands over an object
api.on('ticket:updated', (ticket: string) => ticket);
// @ts-expect-error the role is student or teacher
api.init({ appKey: 'k', user: { role: 'parent' } });
// @ts-expect-error rttMs is a number
api.reportQuality({ rttMs: 'slow' });
