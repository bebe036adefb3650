import nodemailer from 'nodemailer';

/** One mail as the worker hands it to SMTP. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row, so a receiving client can tell a re-delivery is the same mail. */
  messageId: string;
  headers: Record<string, string>;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
}

export interface SendResult {
  response: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
}

export interface SmtpTimeouts {
  connectionTimeoutMs: number;
  greetingTimeoutMs: number;
  socketTimeoutMs: number;
}

/** Shorter than nodemailer's (2 min / 30 s / 10 min): a stuck server should cost a retry, not a worker. */
export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = { connectionTimeoutMs: 30_000, greetingTimeoutMs: 20_000, socketTimeoutMs: 60_000 };

/** nodemailer over `MENTORSHIP_SMTP_URL` (smtp:// or smtps://, credentials in the URL). */
export function smtpTransport(url: string, timeouts: SmtpTimeouts = DEFAULT_SMTP_TIMEOUTS): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: timeouts.connectionTimeoutMs,
    greetingTimeout: timeouts.greetingTimeoutMs,
    socketTimeout: timeouts.socketTimeoutMs,
    // A mail the worker failed to send is retried from the outbox, not from a nodemailer queue.
    pool: false,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: mail.headers,
        attachments: mail.attachments ?? [],
        // Never read files or URLs named in message fields.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return { response: String(info.response ?? '') };
    },
    close: () => transporter.close(),
  };
}

export type Failure = { permanent: boolean; reason: string };

/**
 * Whether retrying can help. A 5xx reply (the server refuses this mail for good) and an
 * envelope nodemailer itself rejects are permanent; refused or dropped connections, timeouts and
 * 4xx replies ("try again later") are worth another attempt.
 */
export function classifyFailure(err: unknown): Failure {
  const e = err as { code?: string; responseCode?: number; response?: string; message?: string };
  const detail = (e.response || e.message || String(err)).replace(/\s+/g, ' ').slice(0, 300);
  const reason = [e.code, e.responseCode, detail].filter((p) => p !== undefined && p !== '').join(' ');
  if (typeof e.responseCode === 'number' && e.responseCode >= 500) return { permanent: true, reason };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return { permanent: false, reason };
  if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') return { permanent: true, reason };
  return { permanent: false, reason };
}
