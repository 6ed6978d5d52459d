// A ticket's files: links to each, and "Attach files" with a progress bar per upload.
import { useStore } from '@nanostores/preact';
import { useRef } from 'preact/hooks';
import { ATTACHMENT_TYPES, formatFileSize, TICKET_LIMITS } from '../../../../shared/ticket-limits';
import type { AttachmentView } from '../../../../shared/ticket-model';
import { $uploads, attachFiles, canRetryUpload, dismissUpload, retryUpload } from '../../state/open-ticket';
import { attachmentUrl } from '../../tickets-api';
import { texts } from '../../i18n/i18n';

const ticketText = texts('tickets');

const ACCEPT = [...Object.keys(ATTACHMENT_TYPES), ...Object.values(ATTACHMENT_TYPES).flat()].join(',');

export function TicketFiles({ ticketId, attachments, closed }: { ticketId: string; attachments: AttachmentView[]; closed: boolean }) {
  const uploads = useStore($uploads).filter((u) => u.ticketId === ticketId);
  const input = useRef<HTMLInputElement>(null);
  const t = useStore(ticketText);
  return (
    <section class="ticket-section" aria-labelledby="ticket-files-title">
      <h3 id="ticket-files-title">{t.files}</h3>
      {attachments.length === 0 && uploads.length === 0 && <p class="muted small">{t.noFiles}</p>}
      <ul class="ticket-files">
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={attachmentUrl(ticketId, a.id)} target="_blank" rel="noopener noreferrer">
              {a.name}
            </a>{' '}
            <span class="muted small">
              {formatFileSize(a.size)} · {a.uploadedBy}
            </span>
          </li>
        ))}
        {uploads.map((u) => (
          <li key={u.id} class="upload">
            <span>{u.name}</span>
            {u.error ? (
              <>
                <span class="alert small" role="alert">
                  {u.error}
                </span>
                {canRetryUpload(u.id) && (
                  <button type="button" class="link" onClick={() => retryUpload(u.id)}>
                    {t.retry}
                  </button>
                )}
                <button type="button" class="link" onClick={() => dismissUpload(u.id)}>
                  {t.dismiss}
                </button>
              </>
            ) : (
              <progress max={1} value={u.progress} aria-label={t.uploading({ name: u.name })} />
            )}
          </li>
        ))}
      </ul>
      {!closed && (
        <>
          <input
            ref={input}
            id="ticket-attach"
            type="file"
            aria-label={t.attach}
            multiple
            accept={ACCEPT}
            class="sr-only"
            onChange={(event) => {
              const files = [...(event.currentTarget.files ?? [])];
              event.currentTarget.value = '';
              void attachFiles(ticketId, files);
            }}
          />
          <button type="button" onClick={() => input.current?.click()}>
            {t.attach}
          </button>
          <span class="muted small">{t.attachHint({ size: formatFileSize(TICKET_LIMITS.attachmentBytes) })}</span>
        </>
      )}
    </section>
  );
}
