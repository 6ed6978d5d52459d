// A classroom app's entry: the support widget from npm, its host events driving the app's own Help button.
import { ClassroomSupport, type InitOptions, type TicketUpdatedEvent } from 'classroom-support/widget';

const params = new URLSearchParams(location.search);
const server = __SUPPORT_SERVER__ || location.origin;
const help = document.querySelector<HTMLButtonElement>('#help')!;
const count = document.querySelector<HTMLSpanElement>('#help-count')!;
const state = document.querySelector<HTMLElement>('#support-state')!;

ClassroomSupport.on('ready', () => {
  state.textContent = 'Support is ready';
});
ClassroomSupport.on('unread', (unread) => {
  count.hidden = unread === 0;
  count.textContent = String(unread);
  help.setAttribute('aria-label', unread ? `Help, ${unread} unread` : 'Help');
});
ClassroomSupport.on('ticket:updated', ({ number, status, hasNewReply }: TicketUpdatedEvent) => {
  document.querySelector('#support-news')!.textContent = `Ticket ${number}: ${status}${hasNewReply ? ' — new reply from support' : ''}`;
});
ClassroomSupport.on('error', ({ code, message }) => {
  state.textContent = `Support unavailable (${code}): ${message}`;
});
help.addEventListener('click', () => ClassroomSupport.open());

const options: InitOptions = {
  server,
  appKey: 'demo-classroom',
  // The example backend on the support server signs the identity token; a real app asks its own backend.
  token: () =>
    fetch(`${server}/examples/classroom/identity${location.search}`)
      .then((r) => r.json() as Promise<{ token: string }>)
      .then((j) => j.token),
  context: { classroomId: params.get('room') ?? 'chemistry-201', role: 'student', hostApp: 'Maple Classroom (Vite)', hostAppVersion: '5.0.0' },
};
ClassroomSupport.init(options);
