import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as an SMTP server received it, with its parts decoded. */
export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; html: string; raw: string };

const unfold = (headers: string) => headers.replace(/\r\n(?=[ \t])/g, '');
const header = (headers: string, name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfold(headers))?.[1]?.trim() ?? '';

function decode(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** A header with its RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`) decoded. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decode(text.replace(/_/g, ' '), 'quoted-printable'),
    );
}

/** The decoded text/plain and text/html parts of a (possibly multipart) message. */
function parse(raw: string): Pick<ReceivedMail, 'subject' | 'text' | 'html'> {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(unfold(headers))?.[1];
  const out = { subject: decodeWords(header(headers, 'Subject')), text: '', html: '' };
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${headers}\r\n\r\n${body}`];
  for (const part of parts) {
    const trimmed = part.replace(/^\r\n/, '');
    const at = trimmed.indexOf('\r\n\r\n');
    const h = trimmed.slice(0, at);
    const content = decode(trimmed.slice(at + 4), header(h, 'Content-Transfer-Encoding'));
    if (/text\/html/i.test(header(h, 'Content-Type'))) out.html = content;
    else if (/text\/plain/i.test(header(h, 'Content-Type'))) out.text = content;
  }
  return out;
}

/**
 * An SMTP server in the test process on 127.0.0.1 (no TLS, no auth) that keeps what it receives.
 * `stop` closes it, so the API's next attempt finds nothing listening; `start` on the same port again.
 */
export class SmtpReceiver {
  readonly messages: ReceivedMail[] = [];
  private server: SMTPServer | undefined;
  port = 0;

  async start(port = this.port): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('latin1');
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          this.messages.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw, ...parse(raw) });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The messages sent to `address`. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.includes(address));
  }
}
