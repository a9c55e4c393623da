import type { FastifyReply } from 'fastify';
import type { FileMeta } from './shared-repo.js';

/** Send a case's file as a download, named as uploaded. */
export function sendCaseFile(reply: FastifyReply, f: FileMeta & { content: Buffer }) {
  return reply.header('content-type', f.contentType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`).send(f.content);
}
