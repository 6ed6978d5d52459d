// Streaming ticket files over HTTP: an upload's name, type and body from the request, and a download response.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import * as v from 'valibot';
import { TICKET_LIMITS } from '../../../shared/ticket-limits';
import { showsInline } from '../../domain/tickets/attachment-types';
import type { IncomingFile } from '../../domain/tickets/attachments';
import { DomainError } from '../../domain/errors';
import type { AttachmentRecord } from '../../domain/tickets/ticket-records';
import { parse } from './request-auth';

const UploadIdSchema = v.optional(v.pipe(v.string(), v.uuid('X-Upload-Id must be a UUID')));

function fileName(req: Request): string {
  const raw = req.get('x-file-name') ?? (typeof req.query.name === 'string' ? req.query.name : '');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The upload as the domain takes it: the body is streamed, never buffered whole. A declared length over
 * the limit is refused before a byte is read; a body that turns out longer is stopped while streaming.
 * `X-Upload-Id` (a UUID the client keeps for retries) makes a resend return the first attachment.
 */
export function incomingFile(req: Request): IncomingFile {
  const declared = Number(req.get('content-length'));
  if (Number.isFinite(declared) && declared > TICKET_LIMITS.attachmentBytes) {
    throw new DomainError('file_too_large', `Files may be at most ${TICKET_LIMITS.attachmentBytes / (1024 * 1024)} MB`);
  }
  const uploadId = parse(UploadIdSchema, req.get('x-upload-id'));
  return { name: fileName(req), type: req.get('content-type') ?? '', body: req, ...(uploadId ? { uploadId } : {}) };
}

/**
 * Runs an upload. When it is refused before the whole body was read (too large, wrong type), the
 * connection is closed after the answer: the unread rest must not be taken for the next request.
 */
export async function receiving<T>(req: Request, res: Response, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!req.complete) res.setHeader('Connection', 'close');
    throw error;
  }
}

export async function sendAttachment(res: Response, record: AttachmentRecord, body: AsyncIterable<Uint8Array>): Promise<void> {
  res.setHeader('Content-Type', record.type.startsWith('text/') ? `${record.type}; charset=utf-8` : record.type);
  res.setHeader('Content-Length', String(record.size));
  const disposition = showsInline(record.type) ? 'inline' : 'attachment';
  res.setHeader('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(record.name)}`);
  // Whatever a file contains, it never runs as a page of ours.
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, max-age=300');
  await pipeline(Readable.from(body), res);
}
