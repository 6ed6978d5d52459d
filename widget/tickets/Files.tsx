// Files on a ticket: download links, uploads in progress with a bar each, and the "Attach files" picker.
import { useStore } from '@nanostores/preact';
import { useRef } from 'preact/hooks';
import { ATTACHMENT_TYPES, formatFileSize, TICKET_LIMITS } from '../../shared/ticket-limits';
import type { VisitorAttachment } from '../../shared/ticket-model';
import { $ticketsLocale, filesText, formText } from './messages';
import { $uploads, dropUpload, NO_ANSWER, retryUpload, uploadFiles, type Upload } from './uploads';

export const ACCEPT = [...Object.keys(ATTACHMENT_TYPES), ...Object.values(ATTACHMENT_TYPES).flat()].join(',');
const LIMIT = formatFileSize(TICKET_LIMITS.attachmentBytes);

export function LimitHint() {
  return <span class="tk-meta"> {useStore(formText).limit({ size: LIMIT })}</span>;
}

/** Why a picked file cannot be sent (checkAttachment's reasons, in the widget's language). */
export function problemText(size: number): string {
  const t = filesText.get();
  return size === 0 ? t.empty : size > TICKET_LIMITS.attachmentBytes ? t.tooBig({ size: LIMIT }) : t.badType;
}

/** An upload's failure: English as the server or the check said it, otherwise ours. */
function uploadError(upload: Upload): string {
  const t = filesText.get();
  if ($ticketsLocale.get() === 'en') return upload.error!;
  if (upload.error === NO_ANSWER) return t.noAnswer;
  return upload.type ? (upload.file.size > TICKET_LIMITS.attachmentBytes ? t.tooBig({ size: LIMIT }) : t.badType) : problemText(upload.file.size);
}

export function UploadProgress({ ticketId }: { ticketId: string }) {
  const uploads = useStore($uploads).filter((u) => u.ticketId === ticketId);
  const t = useStore(filesText);
  if (uploads.length === 0) return null;
  return (
    <ul class="tk-files">
      {uploads.map((u) => (
        <li key={u.id}>
          <span class="tk-file-name" translate={false}>
            {u.name}
          </span>
          {u.error ? (
            <>
              <span class="tk-error" role="alert">
                {t.notSent({ error: uploadError(u) })}
              </span>
              {u.type && (
                <button type="button" class="tk-link" onClick={() => retryUpload(u.id)}>
                  {t.retry}
                </button>
              )}
              <button type="button" class="tk-link" onClick={() => dropUpload(u.id)}>
                {t.remove}
              </button>
            </>
          ) : (
            <progress max={1} value={u.progress} aria-label={t.uploading({ name: u.name })} />
          )}
        </li>
      ))}
    </ul>
  );
}

export function Files({
  ticketId,
  server,
  attachments,
  canAttach,
}: {
  ticketId: string;
  server: string;
  attachments: VisitorAttachment[];
  canAttach: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const t = useStore(filesText);
  return (
    <section class="tk-section" aria-label={t.label}>
      {attachments.length > 0 && (
        <ul class="tk-files">
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={`${server}${a.url}`} target="_blank" rel="noopener noreferrer" translate={false}>
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
            {t.attach}
          </button>
          <LimitHint />
        </>
      )}
    </section>
  );
}
