// Files on a ticket: download links, uploads in progress with a bar each, and the "Attach files" picker.
import { useStore } from '@nanostores/preact';
import { useRef } from 'preact/hooks';
import { ATTACHMENT_TYPES, formatFileSize, TICKET_LIMITS } from '../../shared/ticket-limits';
import type { VisitorAttachment } from '../../shared/ticket-model';
import { $uploads, dropUpload, retryUpload, uploadFiles } from './uploads';

export const ACCEPT = [...Object.keys(ATTACHMENT_TYPES), ...Object.values(ATTACHMENT_TYPES).flat()].join(',');
export const LIMIT_HINT = `Screenshots, PDF, logs or HAR files, up to ${formatFileSize(TICKET_LIMITS.attachmentBytes)} each.`;

export function UploadProgress({ ticketId }: { ticketId: string }) {
  const uploads = useStore($uploads).filter((u) => u.ticketId === ticketId);
  if (uploads.length === 0) return null;
  return (
    <ul class="tk-files">
      {uploads.map((u) => (
        <li key={u.id}>
          <span class="tk-file-name">{u.name}</span>
          {u.error ? (
            <>
              <span class="tk-error" role="alert">
                Not sent. {u.error}
              </span>
              {u.type && (
                <button type="button" class="tk-link" onClick={() => retryUpload(u.id)}>
                  Retry
                </button>
              )}
              <button type="button" class="tk-link" onClick={() => dropUpload(u.id)}>
                Remove
              </button>
            </>
          ) : (
            <progress max={1} value={u.progress} aria-label={`Uploading ${u.name}`} />
          )}
        </li>
      ))}
    </ul>
  );
}

export function Files({ ticketId, server, attachments, canAttach }: { ticketId: string; server: string; attachments: VisitorAttachment[]; canAttach: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <section class="tk-section" aria-label="Files">
      {attachments.length > 0 && (
        <ul class="tk-files">
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={`${server}${a.url}`} target="_blank" rel="noopener noreferrer">
                {a.name}
              </a>{' '}
              <span class="tk-meta">{formatFileSize(a.size)}</span>
            </li>
          ))}
        </ul>
      )}
      <UploadProgress ticketId={ticketId} />
      {canAttach && (
        <>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            class="tk-hidden"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => {
              const picked = [...(event.currentTarget.files ?? [])];
              event.currentTarget.value = '';
              void uploadFiles(ticketId, picked);
            }}
          />
          <button type="button" class="tk-link" onClick={() => input.current?.click()}>
            Attach files
          </button>
          <span class="tk-meta"> {LIMIT_HINT}</span>
        </>
      )}
    </section>
  );
}
