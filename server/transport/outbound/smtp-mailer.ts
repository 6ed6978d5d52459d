// Email over SMTP with nodemailer (SMTP_URL, e.g. smtps://user:pass@smtp.example.com:465); one pooled
// transport per node. Without SMTP_URL the app uses noMailer and email is off.
import nodemailer from 'nodemailer';
import type { Mailer } from '../../domain/integrations/email/mailer';

export function smtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transport.close(),
  };
}
