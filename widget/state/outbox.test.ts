import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/errors';
import type { SendMessage } from '../../shared/protocol';
import { memoryStorage } from './memory-storage';

/** A fresh copy of the widget's state modules over the same localStorage: what a page reload gives. */
async function loadPage() {
  vi.resetModules();
  const [owner, outbox, delivery, conversation, fake] = await Promise.all([
    import('./outbox-owner'),
    import('./outbox'),
    import('./delivery'),
    import('./conversation'),
    import('./fake-wire'),
  ]);
  conversation.$conversation.set(fake.conversation({ status: 'active' }));
  let seq = 0;
  const wire = fake.fakeWire({
    'message:send': (p: SendMessage) => ok(fake.message(++seq, { clientId: p.clientId, authorKind: 'visitor', text: p.text })),
  });
  return { ...owner, ...outbox, ...delivery, ...conversation, wire, settle: fake.settle };
}

const ADA = 'sub:ada';
const texts = (list: { text: string }[]) => list.map((m) => m.text);

beforeEach(() => {
  vi.stubGlobal('navigator', { userAgent: 'test' });
  vi.stubGlobal('location', { href: 'https://class.example/' });
  vi.stubGlobal('localStorage', memoryStorage());
});
afterEach(() => vi.unstubAllGlobals());

describe('the saved outbox', () => {
  it('keeps what was written offline across a reload and resends it with the same client id once connected', async () => {
    const before = await loadPage();
    before.claimOutbox('app', 'user-ada', ADA);
    before.sendMessage('first, written offline');
    before.sendMessage('second, written offline');
    const clientIds = before.$outbox.get().map((item) => item.clientId);

    const after = await loadPage();
    after.previewOutbox('app', ADA);
    expect(texts(after.$outbox.get())).toEqual(['first, written offline', 'second, written offline']);
    await after.settle();
    expect(after.wire.sent()).toEqual([]);

    after.claimOutbox('app', 'user-ada', ADA);
    after.resumeDelivery();
    await after.settle();
    expect((after.wire.sent() as SendMessage[]).map((p) => p.clientId)).toEqual(clientIds);
    expect(texts(after.$messages.get())).toEqual(['first, written offline', 'second, written offline']);
    expect(after.$outbox.get()).toEqual([]);

    const third = await loadPage();
    third.claimOutbox('app', 'user-ada', ADA);
    expect(third.$outbox.get()).toEqual([]);
  });

  it("never shows or sends one user's pending messages for another user of the same browser", async () => {
    const ada = await loadPage();
    ada.claimOutbox('app', 'user-ada', ADA);
    ada.sendMessage('Ada: my camera is frozen');

    const ben = await loadPage();
    ben.previewOutbox('app', 'sub:ben');
    expect(ben.$outbox.get()).toEqual([]);
    ben.claimOutbox('app', 'user-ben', 'sub:ben');
    ben.resumeDelivery();
    await ben.settle();
    expect(ben.$outbox.get()).toEqual([]);
    expect(ben.wire.sent()).toEqual([]);

    const otherApp = await loadPage();
    otherApp.previewOutbox('other-app', ADA);
    otherApp.claimOutbox('other-app', 'user-ada', ADA);
    expect(otherApp.$outbox.get()).toEqual([]);

    const adaAgain = await loadPage();
    adaAgain.claimOutbox('app', 'user-ada', ADA);
    expect(texts(adaAgain.$outbox.get())).toEqual(['Ada: my camera is frozen']);
  });

  it('keeps a pending message in this page only for its user when the signed-in user changes without a reload', async () => {
    const page = await loadPage();
    page.claimOutbox('app', 'user-ada', ADA);
    page.sendMessage('Ada: no sound');
    page.claimOutbox('app', 'user-ben', 'sub:ben');
    page.resumeDelivery();
    await page.settle();
    expect(page.$outbox.get()).toEqual([]);
    expect(page.wire.sent()).toEqual([]);
    page.claimOutbox('app', 'user-ada', ADA);
    expect(texts(page.$outbox.get())).toEqual(['Ada: no sound']);
  });

  it('gives what was written before anyone was known to the user the server then names', async () => {
    const page = await loadPage();
    page.sendMessage('written while connecting');
    page.claimOutbox('app', 'user-new', 'anonymous');
    const reloaded = await loadPage();
    reloaded.previewOutbox('app', 'anonymous');
    expect(texts(reloaded.$outbox.get())).toEqual(['written while connecting']);
  });

  it("leaves another tab's pending messages saved when this tab's are acknowledged", async () => {
    const tabA = await loadPage();
    tabA.claimOutbox('app', 'user-ada', ADA);
    tabA.sendMessage('from tab A');
    const tabB = await loadPage();
    tabB.claimOutbox('app', 'user-ada', ADA);
    tabB.$outbox.set([]);
    tabB.sendMessage('from tab B');
    tabB.resumeDelivery();
    await tabB.settle();

    const reloaded = await loadPage();
    reloaded.claimOutbox('app', 'user-ada', ADA);
    expect(texts(reloaded.$outbox.get())).toEqual(['from tab A']);
  });

  it('starts empty when the saved record is damaged', async () => {
    localStorage.setItem('cs:outbox:app:user-ada', '{not json');
    localStorage.setItem('cs:outbox-owner:app', '[');
    const page = await loadPage();
    page.previewOutbox('app', ADA);
    page.claimOutbox('app', 'user-ada', ADA);
    expect(page.$outbox.get()).toEqual([]);
  });
});

describe('credentialOf', () => {
  it('reads the subject of an identity token without trusting it, and names anonymous visitors', async () => {
    const { credentialOf } = await loadPage();
    const payload = btoa(JSON.stringify({ sub: 'stu-1', name: 'Ada' }))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    expect(credentialOf({ token: `eyJhbGciOiJIUzI1NiJ9.${payload}.sig` })).toBe('sub:stu-1');
    expect(credentialOf({ token: 'garbage' })).toBeNull();
    expect(credentialOf({ visitorToken: 'v' })).toBe('anonymous');
    expect(credentialOf({})).toBeNull();
  });
});
