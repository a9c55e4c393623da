import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { GENERATED_FILE, generateOpenApiTypes } from '../scripts/openapi-types.js';

/** The first line where two texts differ, for a short failure message instead of a 500 kB diff. */
function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  const i = x.findIndex((line, n) => line !== y[n]);
  const at = i === -1 ? x.length : i;
  return `line ${at + 1}: committed ${JSON.stringify(x[at] ?? '<end>')}, generated ${JSON.stringify(y[at] ?? '<end>')}`;
}

// The web app's API types come from the OpenAPI document: a schema change must come with them.
test('web/src/api/openapi.gen.ts matches the OpenAPI document', async () => {
  const committed = await readFile(GENERATED_FILE, 'utf8');
  const generated = await generateOpenApiTypes();
  const stale = generated === committed ? null : `web/src/api/openapi.gen.ts is stale (${firstDifference(committed, generated)}): run \`npm run openapi:types\``;
  expect(stale).toBeNull();
});
