import { extractText, getMeta } from 'unpdf';

/** Text of a PDF as a reader's copy-paste would give it: per page, and all pages without whitespace. */
export async function pdfText(pdf: Buffer): Promise<{ pages: string[]; flat: string; info: Record<string, unknown> }> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  const { info } = await getMeta(new Uint8Array(pdf));
  return { pages: text, flat: text.join('\n').replace(/\s+/g, ''), info: info as Record<string, unknown> };
}
