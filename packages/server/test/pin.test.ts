import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Client, signedInAs } from './client.ts';
import { DB_KINDS, startServer, type TestServer } from './harness.ts';

/** A shared tablet: enrolled by the lead, then passed between operators. */
async function enrolledTablet(server: TestServer): Promise<Client> {
  const tablet = await signedInAs(server.base, 'lead');
  const enrolled = await tablet.post('/api/devices', { name: 'Line 1 tablet' });
  expect(enrolled.status).toBe(201);
  expect(enrolled.headers.getSetCookie().find((c) => c.startsWith('gf_device='))).toMatch(/HttpOnly/);
  return tablet;
}

describe.each(DB_KINDS)('PIN switch on a shared tablet on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  test('on an enrolled device, user + PIN switches the session to that operator and ends the previous one', async () => {
    const tablet = await enrolledTablet(server);
    const leadSession = tablet.cookies.get('gf_session');
    const switched = await tablet.post('/api/auth/pin', { user: 'op', pin: '1357' });
    expect(switched.status).toBe(200);
    const me = await tablet.get('/api/me');
    expect(me.body.user.name).toBe('op');
    expect(me.body.deviceId).toEqual(expect.any(String));
    const old = new Client(server.base);
    old.cookies.set('gf_session', leadSession ?? '');
    expect((await old.get('/api/me')).status).toBe(401);
  });

  test('a badge scan switches too; an unknown badge is 401', async () => {
    const tablet = await enrolledTablet(server);
    expect((await tablet.post('/api/auth/pin', { badge: 'BADGE-OP' })).status).toBe(200);
    expect((await tablet.get('/api/me')).body.user.name).toBe('op');
    const unknown = await tablet.post('/api/auth/pin', { badge: 'BADGE-NOBODY' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('unknown-badge');
  });

  test('without an enrolled device the PIN switch is refused (403), even with the right PIN', async () => {
    const phone = new Client(server.base);
    await phone.get('/api/auth/csrf'); // a visitor still needs the CSRF cookie
    const answer = await phone.post('/api/auth/pin', { user: 'op', pin: '1357' });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('device-not-enrolled');
    const forged = new Client(server.base);
    forged.cookies.set('gf_device', 'made-up-token');
    await forged.get('/api/auth/csrf');
    expect((await forged.post('/api/auth/pin', { user: 'op', pin: '1357' })).status).toBe(403);
  });

  test('the PIN switch needs the CSRF double submit', async () => {
    const tablet = await enrolledTablet(server);
    const answer = await tablet.post('/api/auth/pin', { user: 'op', pin: '1357' }, { csrf: 'nope' });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('csrf-failed');
  });

  test('3 wrong PINs lock that user’s PIN switch (429); 10 misses lock the device', async () => {
    const tablet = await enrolledTablet(server);
    for (let i = 0; i < 3; i++) {
      expect((await tablet.post('/api/auth/pin', { user: 'lead', pin: `000${i}` })).body.code).toBe('bad-pin');
    }
    const locked = await tablet.post('/api/auth/pin', { user: 'lead', pin: '2580' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too-many-attempts');
    // Other users on the same tablet still switch until the device itself is locked.
    expect((await tablet.post('/api/auth/pin', { user: 'op', pin: '1357' })).status).toBe(200);
    for (let i = 0; i < 7; i++) await tablet.post('/api/auth/pin', { badge: `guess-${i}` });
    const deviceLocked = await tablet.post('/api/auth/pin', { user: 'op', pin: '1357' });
    expect(deviceLocked.status).toBe(429);
    // Another tablet is unaffected.
    const other = await enrolledTablet(server);
    expect((await other.post('/api/auth/pin', { user: 'op', pin: '1357' })).status).toBe(200);
  });

  test('a revoked device can no longer switch and its sessions end', async () => {
    const tablet = await enrolledTablet(server);
    const deviceId = (await tablet.get('/api/me')).body.deviceId as string;
    const admin = await signedInAs(server.base, 'admin');
    const listed = (await admin.get('/api/devices')).body.devices.map((d: { id: string }) => d.id);
    expect(listed).toContain(deviceId);
    expect((await admin.post(`/api/devices/${deviceId}/revoke`)).status).toBe(204);
    expect((await tablet.get('/api/me')).status).toBe(401);
    await tablet.get('/api/auth/csrf');
    expect((await tablet.post('/api/auth/pin', { user: 'op', pin: '1357' })).body.code).toBe('device-not-enrolled');
    // Beta's admin cannot revoke alpha's devices.
    const beta = await signedInAs(server.base, 'admin', 'beta');
    const other = await enrolledTablet(server);
    const otherId = (await other.get('/api/me')).body.deviceId as string;
    expect((await beta.post(`/api/devices/${otherId}/revoke`)).status).toBe(404);
  });
});
