/**
 * Optional e-mail copies of notifications, when RAAYA_SMTP_URL is set: a delivery run takes the
 * pending notifications (created in the last two days, not yet e-mailed), renders each from its
 * catalog key in the recipient's language, sends it, and marks it. A recipient without an address
 * is marked too. In-app notifications never depend on this.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import type { Language } from '../../contract/common.ts';
import type { Database } from '../../../server/db/pool.ts';
import { queryBuilderOn } from '../../../server/db/pool.ts';

type Catalog = { [key: string]: string | Catalog };
const catalogs = new Map<string, Record<Language, Catalog>>();

/** The web catalogs a notification key may point into ('ns:key'); modules that notify register theirs. */
export function registerNotificationCatalog(namespace: string, messages: Record<Language, Catalog>): void {
  catalogs.set(namespace, messages);
}

export function renderNotification(messageKey: string, params: Record<string, unknown>, language: Language): string {
  const [ns, key] = messageKey.split(':') as [string, string | undefined];
  let node: string | Catalog | undefined = catalogs.get(ns)?.[language];
  for (const part of (key ?? '').split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') return messageKey;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

const subjects: Record<Language, string> = { ar: 'رعاية — إشعار', fr: 'Raaya — notification' };
const footers: Record<Language, string> = {
  ar: 'رسالة آلية من رعاية. الإشعار موجود أيضا في التطبيق.',
  fr: "Message automatique de Raaya. La notification figure aussi dans l'application.",
};

export interface EmailSettings {
  transport: Transporter;
  from: string;
  /** Public address of the app, for links ('https://raaya.example.ma'); none: no link. */
  baseUrl?: string;
}

export const smtpTransport = (url: string): Transporter => nodemailer.createTransport(url);

interface PendingRow {
  id: string;
  message_key: string;
  params: Record<string, unknown>;
  link: string | null;
  email: string | null;
  language: Language;
}

/** Sends up to `limit` pending notifications; returns how many e-mails went out. */
export async function deliverPendingEmails(db: Database, settings: EmailSettings, limit = 100): Promise<number> {
  const client = await db.pool.connect();
  let sent = 0;
  try {
    await client.query('BEGIN');
    const tx = queryBuilderOn(client);
    const { rows } = await sql<PendingRow>`SELECT * FROM notifications.pending_emails(${limit})`.execute(tx);
    const done: string[] = [];
    for (const n of rows) {
      if (n.email) {
        const text = renderNotification(n.message_key, n.params, n.language);
        const link = n.link && settings.baseUrl ? `\n\n${settings.baseUrl.replace(/\/$/, '')}/app${n.link}` : '';
        await settings.transport.sendMail({
          from: settings.from,
          to: n.email,
          subject: subjects[n.language],
          text: `${text}${link}\n\n— ${footers[n.language]}`,
          headers: { 'Content-Language': n.language },
        });
        sent++;
      }
      done.push(n.id);
    }
    if (done.length) await sql`SELECT notifications.mark_emailed(${done}::uuid[])`.execute(tx);
    await client.query('COMMIT');
  } catch (error) {
    // What was sent before the failure is sent again next time: better twice than never.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return sent;
}

/** Delivers pending e-mails every minute; returns a stop function. */
export function startEmailDelivery(db: Database, settings: EmailSettings, log: (message: string) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    deliverPendingEmails(db, settings)
      .then((n) => n > 0 && log(`${n} notification e-mails sent`))
      .catch((error: Error) => log(`notification e-mails failed: ${error.message}`))
      .finally(() => {
        running = false;
      });
  }, 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
