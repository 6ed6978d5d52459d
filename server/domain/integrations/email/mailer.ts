// The port email leaves the server through (transport/outbound implements it with nodemailer over SMTP_URL).

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** False without SMTP_URL: nothing is sent, and the console says email is off. */
  readonly enabled: boolean;
  send(mail: Mail): Promise<void>;
}

export const noMailer: Mailer = { enabled: false, send: async () => {} };
