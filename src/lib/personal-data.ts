import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Keys for personal data: HMAC for lookups, AES-256-GCM for the encrypted copy. */
export interface PersonalDataKeys {
  hmacKey: Buffer;
  encryptionKey: Buffer;
}

/** Protects personal identifiers: never stored or logged in plain text. */
export class PersonalData {
  constructor(private readonly keys: PersonalDataKeys) {}

  /** Keyed lookup hash of a normalised identifier. */
  hmac(value: string): Buffer {
    return createHmac('sha256', this.keys.hmacKey).update(value).digest();
  }

  /** AES-256-GCM: 12-byte nonce ‖ 16-byte tag ‖ ciphertext. */
  encrypt(value: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.encryptionKey, iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decrypt(blob: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.keys.encryptionKey, blob.subarray(0, 12));
    decipher.setAuthTag(blob.subarray(12, 28));
    return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/**
 * Keys from the configuration when given, else from `<dataDir>/keys.json`, generated on first
 * use with mode 0600. Losing this file makes stored ID numbers unreadable: back it up.
 */
export async function loadPersonalDataKeys(
  dataDir: string,
  hmacHex: string | null,
  encHex: string | null,
): Promise<PersonalDataKeys> {
  if (hmacHex && encHex) return { hmacKey: Buffer.from(hmacHex, 'hex'), encryptionKey: Buffer.from(encHex, 'hex') };
  const file = path.join(dataDir, 'keys.json');
  let stored: { hmacKey: string; encryptionKey: string };
  if (existsSync(file)) {
    stored = JSON.parse(await readFile(file, 'utf8')) as typeof stored;
  } else {
    await mkdir(dataDir, { recursive: true });
    stored = { hmacKey: randomBytes(32).toString('hex'), encryptionKey: randomBytes(32).toString('hex') };
    await writeFile(file, JSON.stringify(stored), { mode: 0o600, flag: 'wx' });
  }
  return {
    hmacKey: Buffer.from(hmacHex ?? stored.hmacKey, 'hex'),
    encryptionKey: Buffer.from(encHex ?? stored.encryptionKey, 'hex'),
  };
}
