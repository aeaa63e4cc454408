import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/context.ts';
import { createUser, signedIn, startTestServer, type TestServer } from '../../server/testing/harness.ts';
// Registers the documents catalog (document-expiry messages) as the running server does.
import '../documents/index.ts';
import { deliverPendingEmails, notify, smtpTransport } from './index.ts';

interface Received {
  to: string[];
  raw: string;
}

let server: TestServer;
let smtp: SMTPServer;
let port: number;
const received: Received[] = [];

beforeAll(async () => {
  server = await startTestServer();
  // A real SMTP server on a loopback port, without TLS or authentication.
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await server.close();
});

describe('notification e-mails (optional SMTP)', () => {
  it('e-mails each pending notification once, in the recipient language; a recipient without an address is skipped', async () => {
    const actor = await signedIn(server, { role: 'social_worker', scope: '09.001' });
    const fr = await createUser(server, { role: 'provincial_delegate', scope: '09.001', language: 'fr' });
    const ar = await createUser(server, { role: 'provincial_delegate', scope: '09.273', language: 'ar' });
    const silent = await createUser(server, { role: 'inspector', scope: '09.001' });
    await server.owner(`UPDATE access.users SET email = username || '@example.ma' WHERE id = ANY($1)`, [[fr.id, ar.id]]);
    await inTransaction(server.db, actor.cookie, 120, (tx) =>
      notify(tx, { userIds: [fr.id, ar.id, silent.id], kind: 'documents.expiry', messageKey: 'documents:notifications.expired', params: { title: 'Bail', date: '2026-11-20' } }),
    );
    const transport = smtpTransport(`smtp://127.0.0.1:${port}?ignoreTLS=true`);
    expect(await deliverPendingEmails(server.db, { transport, from: 'Raaya <no-reply@raaya.ma>' })).toBe(2);
    const toFr = received.find((m) => m.to.includes(`${fr.username}@example.ma`))!;
    const toAr = received.find((m) => m.to.includes(`${ar.username}@example.ma`))!;
    expect(decode(toFr.raw)).toContain('« Bail » a expiré le 2026-11-20.');
    expect(decode(toAr.raw)).toContain('انتهت صلاحية «Bail» في 2026-11-20.');
    // Nothing twice, and nothing left pending.
    expect(await deliverPendingEmails(server.db, { transport, from: 'Raaya <no-reply@raaya.ma>' })).toBe(0);
    expect(received).toHaveLength(2);
    const [pending] = await server.owner<{ n: string }>('SELECT count(*) AS n FROM notifications.notifications WHERE emailed_at IS NULL');
    expect(Number(pending!.n)).toBe(0);
  });
});

/** The text body of a raw message (quoted-printable or base64, as nodemailer chose). */
function decode(raw: string): string {
  const [headers = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
