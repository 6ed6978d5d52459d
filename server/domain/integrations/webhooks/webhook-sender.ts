// The port through which deliveries leave the server (transport/outbound implements it with HTTP).

export type SendResult =
  | { answered: true; status: number; body: string; durationMs: number }
  /** No answer: timeout, connection refused, or an address the SSRF rule refuses. */
  | { answered: false; reason: string; durationMs: number };

export interface WebhookSender {
  send(url: string, headers: Record<string, string>, body: string): Promise<SendResult>;
  /** Refuses a URL whose host resolves to a loopback or private address (unless the deployment allows them). */
  checkUrl(url: string): Promise<void>;
}
