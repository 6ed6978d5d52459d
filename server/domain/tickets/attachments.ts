// Files on tickets: accepted types and sizes, content checked against the declared type, bytes in a file store.
import { ATTACHMENT_TYPES, TICKET_LIMITS } from '../../../shared/ticket-limits';
import { attachmentFileName } from './attachment-names';
import { contentMatches } from './attachment-types';
import { DomainError } from '../errors';
import type { Store } from '../ports';
import { actorRef, type TicketActor } from './ticket-actors';
import { clientKeyOf } from './ticket-creation';
import type { AttachmentRecord, Ticket } from './ticket-records';
import type { TicketWriter } from './ticket-writes';

/** Where attachment bytes live; the SQL store keeps only their metadata. */
export interface AttachmentFiles {
  /**
   * Writes `body` durably under `key`. More than `maxBytes` stops the write, deletes what was written and
   * throws FileTooLargeError. Returns the size and the first `headBytes` bytes.
   */
  save(key: string, body: AsyncIterable<Uint8Array>, maxBytes: number, headBytes: number): Promise<{ size: number; head: Uint8Array }>;
  read(key: string): AsyncIterable<Uint8Array>;
  remove(key: string): Promise<void>;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export interface IncomingFile {
  name: string;
  /** The Content-Type the uploader declared. */
  type: string;
  body: AsyncIterable<Uint8Array>;
  /** The uploader's id for this upload (a UUID): sending it again returns the attachment stored the first time. */
  uploadId?: string;
}

export interface AttachmentsDeps {
  store: Store;
  writer: TicketWriter;
  newId: () => string;
  clock: { now(): number };
  files: AttachmentFiles | null;
  headBytes: number;
}

const MEGABYTE = 1024 * 1024;

/** Reads a repeated upload to its end without keeping it, so it is answered after its body like any other. */
async function discard(body: AsyncIterable<Uint8Array>): Promise<void> {
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > TICKET_LIMITS.attachmentBytes) {
      throw new DomainError('file_too_large', `Files may be at most ${TICKET_LIMITS.attachmentBytes / MEGABYTE} MB`);
    }
  }
}

export class Attachments {
  constructor(private readonly deps: AttachmentsDeps) {}

  /**
   * Stores a file on `ticket` (access already checked by the caller). Refuses undeclared or unaccepted
   * types before reading, oversize files while reading, and content that is not what it claims after.
   * With an upload id it is stored once: a repeat gets the first attachment back.
   */
  async add(actor: TicketActor, ticket: Ticket, file: IncomingFile): Promise<AttachmentRecord> {
    const { store, writer, newId, clock, headBytes } = this.deps;
    const files = this.files();
    const by = actorRef(actor);
    const uploadKey = clientKeyOf(by.kind, by.id, file.uploadId);
    // The answer to the first try was lost (or the page reloaded): same attachment, even if the ticket closed since.
    const repeat = uploadKey ? await store.findAttachmentByUploadKey(ticket.id, uploadKey) : null;
    if (repeat) {
      await discard(file.body);
      return repeat;
    }
    if (ticket.status === 'closed') throw new DomainError('ticket_closed', 'This ticket is closed');
    const type = file.type.split(';')[0]!.trim().toLowerCase();
    if (!(type in ATTACHMENT_TYPES)) {
      throw new DomainError('file_type_not_allowed', `Files of type "${type || 'unknown'}" are not accepted; send images, PDF, text or JSON`);
    }
    if ((await store.listAttachments(ticket.id)).length >= TICKET_LIMITS.attachmentsPerTicket) {
      throw new DomainError('bad_request', `A ticket holds at most ${TICKET_LIMITS.attachmentsPerTicket} files`);
    }
    const id = newId();
    const key = `${ticket.id}/${id}`;
    let saved: { size: number; head: Uint8Array };
    try {
      saved = await files.save(key, file.body, TICKET_LIMITS.attachmentBytes, headBytes);
    } catch (error) {
      if (error instanceof FileTooLargeError) {
        throw new DomainError('file_too_large', `Files may be at most ${TICKET_LIMITS.attachmentBytes / MEGABYTE} MB`);
      }
      throw error;
    }
    try {
      if (saved.size === 0) throw new DomainError('bad_request', 'The file is empty');
      if (!contentMatches(type, saved.head)) {
        throw new DomainError('file_type_not_allowed', `The file's content is not ${type}`);
      }
      const record: AttachmentRecord = {
        id,
        ticketId: ticket.id,
        name: attachmentFileName(file.name, type),
        type,
        size: saved.size,
        storageKey: key,
        uploadedByKind: by.kind,
        uploadedById: by.id,
        uploadedByName: by.name,
        createdAt: clock.now(),
        uploadKey,
      };
      let original = null as AttachmentRecord | null;
      await writer.mutate(ticket.id, async (current) => {
        // The same upload racing itself: whichever writes second finds the first stored, and keeps nothing.
        original = uploadKey ? await store.findAttachmentByUploadKey(current.id, uploadKey) : null;
        if (original) return null;
        if (current.status === 'closed') throw new DomainError('ticket_closed', 'This ticket is closed');
        return {
          ticket: current,
          events: [{ kind: 'attachment', actor: by, public: true, data: { attachmentId: id, fileName: record.name } }],
          attachment: record,
          seenByCustomer: actor.kind === 'customer',
        };
      });
      if (original) await files.remove(key).catch(() => {});
      return original ?? record;
    } catch (error) {
      // Nothing refers to the bytes unless the metadata landed.
      await files.remove(key).catch(() => {});
      throw error;
    }
  }

  /** The ticket an attachment belongs to (to check who may open it). */
  async ticketOf(attachmentId: string): Promise<string> {
    const record = await this.deps.store.getAttachment(attachmentId);
    if (!record) throw new DomainError('not_found', 'No such attachment');
    return record.ticketId;
  }

  /** The attachment and its bytes, if it belongs to `ticket`. */
  async open(ticket: Ticket, attachmentId: string): Promise<{ record: AttachmentRecord; body: AsyncIterable<Uint8Array> }> {
    const record = await this.deps.store.getAttachment(attachmentId);
    if (!record || record.ticketId !== ticket.id) throw new DomainError('not_found', 'No such attachment');
    return { record, body: this.files().read(record.storageKey) };
  }

  private files(): AttachmentFiles {
    if (!this.deps.files) throw new DomainError('internal', 'Attachments are not set up on this server');
    return this.deps.files;
  }
}
