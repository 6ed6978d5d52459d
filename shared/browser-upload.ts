// Browser-only: POSTs a file with upload progress (XMLHttpRequest reports it, fetch does not); used by widget and console.
import type { Result } from './errors';

/** A file on its way to a ticket, as a progress list shows it. */
export interface TicketUpload {
  id: string;
  ticketId: string;
  name: string;
  /** 0..1 of the bytes sent. */
  progress: number;
  /** Why it was not sent (the visitor or agent can retry or remove it). */
  error: string | null;
}

export function uploadWithProgress<T>(
  url: string,
  file: Blob,
  headers: Record<string, string>,
  progress: (share: number) => void,
): Promise<Result<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) progress(event.loaded / event.total);
    };
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<T>);
      } catch {
        resolve({ ok: false, error: { code: 'internal', message: `The server answered ${xhr.status}` } });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: { code: 'internal', message: 'The upload was cut off. Check the connection and try again.' } });
    xhr.send(file);
  });
}
